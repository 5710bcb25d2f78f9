privacy-nothing = لا يحفظ البوت أي شيء عنك.
privacy-summary-title = ما يحفظه البوت عنك:
privacy-summary-line = • { $kind }: { $count }
privacy-summary-line-kept = • { $kind }: { $count } (يُحفظ فقط ما دمت تسمح بـ«{ $consent }»)
privacy-summary-footer = اضغط أدناه لتحصل على كل ذلك في ملف واحد. يحتوي الملف على كل شيء كنص مقروء، بما في ذلك كلماتك: احفظه في مكان آمن واحذفه من هذه المحادثة عندما لا تحتاجه. الأمر /forget يمحو كل شيء.
privacy-download = أرسل لي كل شيء في ملف
privacy-file-caption = كل ما يحفظه البوت عنك (JSON).
privacy-file-sent = أُرسل الملف.
privacy-kind-participants = ملفك الشخصي (الحقول المعبأة)
privacy-kind-consent_events = قرارات الموافقة، مع سجلها
privacy-kind-module_progress = الوحدات التي بدأتها
privacy-kind-card_results = إجاباتك على الاختبارات والسيناريوهات
privacy-kind-reflections = التأملات
privacy-kind-assessments = تقييمات الاحتياجات
privacy-kind-commitments = التزامات خطتك
privacy-kind-checkins = جلسات المتابعة
privacy-kind-checkin_answers = إجابات المتابعة عن التزاماتك
privacy-kind-mentorship_requests = عروض الإرشاد وطلباته
privacy-kind-pairings = ثنائيات الإرشاد
privacy-kind-library_submissions = قصص مقترحة للمكتبة
privacy-kind-session_attendance = جلسات سجّلت فيها
privacy-kind-session_feedback = آراؤك في الجلسات
privacy-kind-incidents = حوادث أبلغت عنها باسمك
privacy-kind-stories = القصص
privacy-kind-broadcast_answers = إجاباتك على رسائل الفريق
privacy-kind-outbox = رسائل في الانتظار أو أُرسلت إليك
privacy-kind-audit_log = إجراءات قمت بها كفريق
privacy-kind-broadcasts = رسائل أرسلتها إلى مجموعة
privacy-kind-invite_codes = رموز دعوة أنشأتها
privacy-kind-exchanges = تبادلات أنشأتها
privacy-kind-live_sessions = جلسات مباشرة أنشأتها
privacy-kind-cohorts = مجموعات تيسّرها هذا الأسبوع
privacy-forget-warning =
    هل تريد محو كل ما يحفظه البوت عنك؟

    سيُحذف ملفك الشخصي، وقرارات الموافقة، وتقدمك في التعلم، وتأملاتك، وخطتك، وجلسات المتابعة، وقصصك، وثنائيات الإرشاد، وتسجيلاتك وآراؤك في الجلسات، وإجاباتك على الرسائل، والرسائل المنتظرة. لا يمكن التراجع عن ذلك، وستحتاج إلى دعوة جديدة للانضمام مرة أخرى.

    تبقى بلاغات الحوادث التي قدمتها لدى فريق السلامة، كبلاغات مجهولة الهوية. وتبقى الرسائل التي أرسلتها إلى مجموعة لديها، دون اسمك.

    هل تريد نسخة أولاً؟ استخدم /mydata قبل التأكيد.
privacy-forget-yes = نعم، امحُ كل شيء
privacy-forget-no = لا، احتفظ ببياناتي
privacy-forget-kept = لم يُمحَ أي شيء.
privacy-forget-expired = انتهت صلاحية هذا التأكيد ولم يُمحَ أي شيء. أرسل /forget مرة أخرى إن كنت لا تزال تريد ذلك.
privacy-forgotten = تم: مُحي كل ما كان البوت يحفظه عنك. أنت الآن شخص غريب بالنسبة للبوت. اعتنِ بنفسك.
privacy-pairing-ended = انتهت ثنائية الإرشاد الخاصة بك: غادر الشخص الآخر. شكراً على الوقت الذي منحتماه لبعضكما. يعرض /mentor خياراتك.
privacy-withdrawn-progress =
    حُذف فوراً لأنك سحبت هذه الموافقة:
    الوحدات التي بدأتها: { $modules }
    إجابات الاختبارات والسيناريوهات: { $quiz }
    التأملات: { $reflections }
    الالتزامات: { $commitments } (مع { $answers } من إجابات المتابعة)
    ملاحظات تقييم الاحتياجات: { $notes }
    تبقى المسارات والوحدات وخطتك مغلقة حتى تسمح بذلك من جديد؛ أما /offline فيظل يعمل.
privacy-withdrawn-stories = حُذف فوراً لأنك سحبت هذه الموافقة: قصصك ({ $stories }).
privacy-withdrawn-followup = لن تُرسل إليك أي متابعات. أُلغيت قبل الإرسال: { $messages }.

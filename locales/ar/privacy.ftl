privacy-nothing = لا يحفظ البوت أي شيء عنك.
privacy-summary-title = ما يحفظه البوت عنك:
privacy-summary-line = • { $kind }: { $count }
privacy-summary-line-kept = • { $kind }: { $count } (يُحفظ فقط ما دمت تسمح بـ«{ $consent }»)
privacy-summary-footer = اضغط أدناه لتحصل على كل ذلك في ملفين: واحد للقراءة بلغتك، والآخر هو الشيء نفسه في صورة بيانات (JSON) لأدوات أخرى. يحتوي الملفان على كل شيء كنص مقروء، بما في ذلك كلماتك: احفظهما في مكان آمن واحذفهما من هذه المحادثة عندما لا تحتاجهما. الأمر /forget يمحو كل شيء.
privacy-download = أرسل لي كل شيء في ملفات
privacy-file-sent = أُرسل الملفان.
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

privacy-file-caption-text = كل ما يحفظه البوت عنك، للقراءة.
privacy-file-caption-json = الشيء نفسه في صورة بيانات (JSON) لأدوات أخرى؛ ويشرح قسم "_about" كل مفتاح.
privacy-text-title = كل ما يحفظه البوت عنك حتى { $when } (الأوقات بتوقيت { $zone })
privacy-text-intro = كل قسم نوع واحد من السجلات. حُذفت هنا الحقول الفارغة وسجلات البوت الداخلية؛ أما ملف ‎.json فيضم كل الحقول.
privacy-about-format = الأوقات بصيغة ISO 8601 وبتوقيت UTC؛ والتواريخ بصيغة YYYY-MM-DD؛ وساعات الهدوء بصيغة HH:MM حسب منطقتك الزمنية. وما كتبته يظهر كما كتبته.
privacy-about-reference = رقم سجل مرتبط (يستخدمه البوت؛ ولا معنى له وحده)
privacy-about-bookkeeping = ما يتتبع به البوت عمله (أين وصلت المحادثة، ومحاولات الإرسال)
privacy-value-yes = نعم
privacy-value-no = لا
privacy-field-acknowledged_at = استلمه فريق السلامة
privacy-field-action = الإجراء
privacy-field-alias = الاسم الذي تراه مجموعتك
privacy-field-answered_at = وقت الرد
privacy-field-answers = الإجابات
privacy-field-blocked_at = لم يعد البوت قادرًا على الوصول إليك
privacy-field-buttons = الأزرار
privacy-field-card_id = البطاقة
privacy-field-checkin_offsets = أيام المتابعة بعد التبادل
privacy-field-choice_id = الاختيار
privacy-field-circle_requested = طلبت المساعدة من الميسّر
privacy-field-closed_at = أُغلق
privacy-field-coc_accepted_at = قبول مدونة السلوك
privacy-field-code = الرمز
privacy-field-completed_at = اكتمل
privacy-field-correct = صحيحة
privacy-field-created_at = أُنشئ
privacy-field-current_module = الوحدة الجارية
privacy-field-decided_at = تقرّر
privacy-field-due_on = الموعد النهائي
privacy-field-emergency_text = نصيحة الطوارئ
privacy-field-ended_at = انتهى
privacy-field-ends_on = ينتهي
privacy-field-format = الشكل
privacy-field-granted = مسموح
privacy-field-handled_at = عالجه فريق السلامة
privacy-field-happened = متى حدث
privacy-field-inclusivity = الشمول (1-5)
privacy-field-kind = النوع
privacy-field-language = اللغة
privacy-field-mentee_reveals = المتدرّب يُظهر حسابه على تيليجرام
privacy-field-mentor_reveals = المرشد يُظهر حسابه على تيليجرام
privacy-field-minutes = الدقائق
privacy-field-module_id = الوحدة
privacy-field-name = الاسم
privacy-field-note = ملاحظة
privacy-field-noted_at = وقت كتابة الملاحظة
privacy-field-offset_days = الأيام بعد التبادل
privacy-field-onboarded_at = اكتمال الإعداد
privacy-field-option = الخيار المختار
privacy-field-options = الخيارات
privacy-field-outcome = النتيجة
privacy-field-pacing = الإيقاع (1-5)
privacy-field-paused_until = التذكيرات متوقفة حتى
privacy-field-place = المكان
privacy-field-policy_version = إصدار إشعار الخصوصية
privacy-field-purpose = الموافقة
privacy-field-quiet_end = نهاية ساعات الهدوء
privacy-field-quiet_start = بداية ساعات الهدوء
privacy-field-recommended_track = المسار المقترح
privacy-field-region = المنطقة
privacy-field-reminded_at = وقت التذكير
privacy-field-revoked_at = أُلغي
privacy-field-role = الدور
privacy-field-segment = أُرسل إلى
privacy-field-send_at = وقت الإرسال
privacy-field-sent_at = أُرسل
privacy-field-severity = الخطورة
privacy-field-skipped_blocked = لم يُرسل (تعذّر الوصول)
privacy-field-skipped_consent = لم يُرسل (دون موافقة)
privacy-field-slug = المعرّف
privacy-field-started_at = بدأ
privacy-field-starts_at = يبدأ
privacy-field-starts_on = يبدأ
privacy-field-status = الحالة
privacy-field-step_data = مسودات لم تكتمل
privacy-field-step_id = الخطوة
privacy-field-target = بخصوص
privacy-field-telegram_id = معرّف تيليجرام
privacy-field-text = النص
privacy-field-timezone = المنطقة الزمنية
privacy-field-title = العنوان
privacy-field-total = المستلمون
privacy-field-track_id = المسار
privacy-field-updated_at = آخر تغيير
privacy-field-usefulness = الفائدة (1-5)
privacy-field-uses = مرات الاستخدام
privacy-field-wellbeing = الحالة النفسية (1-5)
privacy-field-what = ماذا
privacy-field-where = أين
privacy-field-who = المسؤول

incident-intro = الإبلاغ عن حادثة تتعلق بالسلامة. قبل أن تكتب: محادثات تيليجرام مع البوتات ليست مشفّرة من طرف إلى طرف. ما تكتبه هنا يُخزَّن مشفّرًا ويصل إلى الأشخاص المكلّفين بالسلامة في تبادلك، ويمكنك الإبلاغ دون الكشف عن هويتك. إذا كان أحد في خطر الآن، فتواصل أولًا مع من يستطيعون المساعدة في المكان نفسه.
incident-ask-what = ماذا حدث؟ (من 10 إلى { $max } حرف؛ لا تذكر أسماء لا حاجة إلى ذكرها)
incident-what-bad = يُرجى وصف ما حدث في 10 إلى { $max } حرف (عدد أحرف ما كتبته: { $length }).
incident-ask-when = متى حدث ذلك؟
incident-when-today = اليوم
incident-when-yesterday = أمس
incident-when-week = هذا الأسبوع
incident-when-earlier = قبل ذلك
incident-ask-where = أين تقريبًا؟ يكفي ذكر مدينة أو نوع المكان (حتى { $max } حرف). أو تخطَّ هذه الخطوة.
incident-skip = تخطٍّ
incident-ask-severity = ما مدى خطورة الأمر؟
incident-severity-low = منخفضة
incident-severity-medium = متوسطة
incident-severity-high = عالية
incident-severity-urgent = عاجلة
incident-ask-who = هل تريد أن يعرف الأشخاص المكلّفون بالسلامة أنك صاحب البلاغ (لكي يتمكنوا من التواصل معك)، أم تفضّل الإبلاغ دون الكشف عن هويتك؟
incident-named = باسمي
incident-anonymous = دون كشف هويتي
incident-check = يُرجى مراجعة بلاغك:
    ما حدث: { $what }
    متى: { $when } · أين: { $where }
    الخطورة: { $severity } · { $who }
incident-send = إرسال البلاغ
incident-cancel = إلغاء
incident-cancelled = تم الإلغاء. لم يُحفَظ أي شيء.
incident-by-anonymous = أُبلغ عنها دون الكشف عن الهوية.
incident-by-named = مراسلة الشخص الذي قدّم البلاغ
incident-notice = حادثة تتعلق بالسلامة #{ $id } ({ $severity })
    متى: { $when } · أين: { $where }
    { $what }
    { $who }
incident-ack = تأكيد الاستلام
incident-handled = تمت معالجته
incident-status = البلاغ #{ $id }: { $status }
incident-status-open = مفتوح
incident-status-acknowledged = تم استلامه
incident-status-handled = تمت معالجته
incident-sent = وصل البلاغ #{ $id } إلى { $count ->
    [one] شخص واحد
    [two] شخصين
   *[other] { $count } أشخاص
} يمكنهم التصرّف. شكرًا لأنك تكلّمت.
incident-sent-nobody = البلاغ #{ $id } محفوظ، لكن لا يمكن الآن الوصول عبر هذا البوت إلى أي شخص مكلّف بالسلامة. سيُسلَّم فور أن يصبح ذلك ممكنًا، وسنخبرك. إذا كنت أنت أو شخص آخر في خطر الآن:
    { $emergency }
incident-urgent-note = إذا كان أحد في خطر الآن: { $emergency }
incident-emergency-default = اتصل بخدمات الطوارئ المحلية أو بأشخاص تثق بهم في المكان. (لم يكتب التبادل بعد إرشادات الطوارئ الخاصة به.)
incident-escalated = لم يؤكّد أحد استلام هذا البلاغ خلال { $minutes } دقيقة، لذلك يصلك أنت أيضًا الآن.
incident-reporter-acknowledged = تم استلام بلاغك #{ $id }: أصبح لدى شخص مكلّف بالسلامة.
incident-reporter-handled = تمت معالجة بلاغك #{ $id }. إذا لم ينتهِ الأمر بالنسبة لك، أبلِغ مجددًا عبر /incident.
incident-reporter-delivered = وصل بلاغك #{ $id } الآن إلى { $count ->
    [one] شخص واحد
    [two] شخصين
   *[other] { $count } أشخاص
} يمكنهم التصرّف.
incidents-title = بلاغات الحوادث، المفتوحة أولًا. اضغط على بلاغ لفتحه:
incidents-none = لا توجد بلاغات حوادث.
incident-row = #{ $id } · { $severity } · { $status } · { $exchange } · { $date }
incident-detail = <b>الحادثة #{ $id }</b> · { $exchange }
    الخطورة: { $severity } · الحالة: { $status }
    تاريخ البلاغ: { $reported } · وقت الحدوث: { $when }
    المكان: { $where }
    ماذا حدث: { $what }
    { $who }
incident-detail-note = ملاحظة خاصة ({ $date }): { $note }
incident-note = كتابة ملاحظة خاصة
incident-back = العودة إلى القائمة
incident-ask-note = اكتب ملاحظة خاصة قصيرة لفريق السلامة (حتى { $max } حرفًا). لا يراها إلا المكلّفون بالسلامة والتنسيق، وهي تحلّ محل الملاحظة السابقة.
incident-note-saved = حُفظت الملاحظة.
incident-escalated-unreached = تعذّر الوصول إلى الأشخاص الذين كان يجب أن يستلموا هذا البلاغ، لذلك يصلك أنت.

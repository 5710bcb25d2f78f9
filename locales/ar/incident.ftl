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
incident-sent = أُرسل البلاغ #{ $id } إلى { $count ->
    [zero] { $count } من الأشخاص المكلّفين بالسلامة
    [one] شخص واحد مكلّف بالسلامة
    [two] شخصين مكلّفين بالسلامة
    [few] { $count } أشخاص مكلّفين بالسلامة
    [many] { $count } شخصًا مكلّفًا بالسلامة
   *[other] { $count } شخص مكلّف بالسلامة
}. شكرًا لأنك أبلغت عن ذلك.
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
incidents-none = لا توجد بلاغات حوادث مفتوحة.
incidents-title = بلاغات الحوادث المفتوحة (الأحدث أولًا):

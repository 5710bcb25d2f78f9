nudge-plan-offer = ينتهي { $exchange } اليوم. قبل أن يخفت الحماس، اكتب ما ستفعله بعد ذلك: كتابة خطة عملك تستغرق خمس دقائق.
nudge-plan-button = خطة عملي
checkin-invite = مضى على { $exchange } { $days ->
    [zero] أقل من يوم
    [one] يوم واحد
    [two] يومان
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
}. حان وقت المتابعة مع حلقة المرافقة: بضع ضغطات، ودقيقتان فقط.
checkin-start = ابدأ المتابعة
checkin-reminder = ما زالت متابعتك مع حلقة المرافقة مفتوحة. دقيقتان فقط، في الوقت الذي يناسبك.
checkin-already = لقد أجبت عن هذه المتابعة بالفعل. شكرًا لك!
checkin-commitment = الالتزام { $number } من { $total }: { $what } (الموعد: { $due })
    كيف تسير الأمور؟
checkin-done = تم ✓
checkin-progress = قيد التنفيذ
checkin-blocked = متعثّر
checkin-note = أضف ملاحظة قصيرة إن أردت (حتى { $max } حرف)، أو تخطَّ هذه الخطوة.
checkin-skip = تخطٍّ
checkin-note-too-long = عدد أحرف هذه الملاحظة { $length }؛ يُرجى ألا تزيد على { $max }.
checkin-note-kept = دوّنتُ ملاحظتك.
checkin-circle-ask = هل تريد أن تساعدك حلقة المرافقة في ذلك؟ سيرى من يتولى التيسير هذا الأسبوع هذا الالتزام، وسيصله رابط ليكتب إليك.
checkin-circle-yes = نعم، من فضلك
checkin-circle-no = لا، شكرًا
checkin-circle-told = أبلغتُ من يتولى التيسير هذا الأسبوع، وسيتواصل معك.
checkin-circle-nobody = لا يوجد في مجموعتك بعد أحد من فريق التيسير لأبلغه. يمكن لفريق التنسيق مساعدتك.
checkin-circle-notice = شخص من { $cohort } يطلب مساعدة حلقة المرافقة في التزام متعثّر:
    { $what } (الموعد: { $due })
    ملاحظته: { $note }
    { $link }
checkin-circle-write = راسِله
checkin-wellbeing = وأنت؟ كيف حالك، من 1 (إرهاق شديد) إلى 5 (طاقة كاملة)؟
checkin-thanks = شكرًا لأنك شاركتنا أحوالك.
checkin-care = يبدو هذا ثقيلًا. الراحة جزء من العمل: حلقة المرافقة موجودة من أجلك، والأمر /pause يمنحك استراحة من التذكيرات.
checkin-rate-again = أمر أخير: قيّم مهاراتك مرة أخرى، ليرى فريق التبادل ما الذي تغيّر لديك.
checkin-digest = جولة المتابعة (اليوم +{ $days })، { $cohort }:
    الإجابات: { $answered } من { $sent } ({ $rate }٪). في استراحة: { $paused }.
    الالتزامات: تم { $done } · قيد التنفيذ { $progress } · متعثّر { $blocked }
    العافية (1-5): { $wellbeing }
checkin-digest-notes = ملاحظات مشتركة مع المجموعة:
nudge-deadline-tomorrow = تذكير: موعد «{ $what }» غدًا. كيف تسير الأمور؟
nudge-deadline-today = تذكير: موعد «{ $what }» اليوم. كيف تسير الأمور؟
nudge-module = وحدتك «{ $module }» بانتظارك حيث توقفت.
nudge-module-button = متابعة
pause-usage = طريقة الاستخدام: /pause <عدد الأيام>، من 1 إلى { $max }. لن تصلك تذكيرات ولا متابعات حتى ذلك الحين.
pause-done = في استراحة حتى { $date }: لا تذكيرات ولا متابعات. اكتب /resume لتعود قبل ذلك.
resume-done = أهلًا بعودتك. عادت التذكيرات والمتابعات من جديد.
resume-not-paused = لم يكن هناك شيء متوقف: التذكيرات والمتابعات تعمل.
checkins-usage = طريقة الاستخدام: /checkins <التبادل> <الأيام بعد الانتهاء، مفصولة بفاصلة ,>
    مثال: /checkins nairobi-exchange 7,30,90,365
checkins-done = مواعيد المتابعة في { $exchange } (بالأيام بعد انتهائه): { $days }.
checkins-current = تُرسَل متابعات { $exchange } بعد انتهائه ({ $end }) بهذه الأيام: { $days }، أي في { $dates }.
    لتغييرها: /checkins { $slug } 7,30,90,365

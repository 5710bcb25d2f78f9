session-add-usage = طريقة الاستخدام: /addsession <التبادل>
    ثم أسألك عن العنوان، ووقت البدء، والمدة، والشكل، واللغة.
session-cancel = إلغاء
session-cancelled = تم الإلغاء. لم يُحفَظ أي شيء.
session-ask-title = ما عنوان الجلسة؟ (من 3 إلى { $max } حرف)
session-title-bad = يُرجى كتابة عنوان من 3 إلى { $max } حرف.
session-ask-start = متى تبدأ؟ اكتب التاريخ والوقت حسب منطقتك الزمنية ({ $zone })، مثلًا 2026-03-04 18:00، أو أضف المنطقة الزمنية: 2026-03-04 15:00 UTC · 2026-03-04 18:00 Africa/Nairobi · 2026-03-04 18:00 UTC+3
session-start-bad = لم أتمكن من قراءة ذلك. مثال: 2026-03-04 18:00، أو 2026-03-04 15:00 UTC
session-start-past = هذا الوقت مضى (أو يبعد أكثر من سنتين). يُرجى اختيار وقت في المستقبل.
session-ask-length = كم مدتها؟
session-minutes = { $minutes } min
session-length-bad = يُرجى اختيار المدة، أو كتابة عدد الدقائق من 5 إلى 600.
session-ask-format = ما نوع الجلسة؟
session-format-in_person = حضورية
session-format-stream = بث مباشر
session-format-offline = حزمة دون اتصال
session-ask-place = أين تُعقد؟ (حتى { $max } حرف)
session-ask-link = ما رابط البث؟ (يبدأ بـ https://)
session-place-bad = يُرجى كتابة المكان.
session-link-bad = يُرجى كتابة رابط يبدأ بـ https:// أو http://
session-ask-language = بأي لغة؟
session-preview-head = يُرجى مراجعة الجلسة:
session-conflicts = عدد المشاركين: { $total }. ستقع الجلسة ضمن ساعات الهدوء لدى { $quiet } منهم، وفي الليل (00:00-06:00) لدى { $night }، حسب التوقيت المحلي لكل منهم.
session-save = ✓ حفظ
session-change-start = تغيير الوقت
session-saved = حُفظت الجلسة #{ $id }. يراها المشاركون عبر /sessions، حسب منطقتهم الزمنية.
session-none = لا توجد جلسات قادمة.
session-list-title = الجلسات القادمة (الأوقات حسب { $zone }):
session-attend = سأحضر #{ $id }
session-leave = لن أحضر #{ $id }
session-calendar = التقويم #{ $id }
session-attending = ستحضر «{ $title }». سأذكّرك قبلها بساعة.
session-not-attending = ألغيتَ حضورك في «{ $title }».
session-ics-caption = «{ $title }»، { $when }: افتح هذا الملف لإضافتها إلى تقويمك.
session-reminder = بعد ساعة: «{ $title }» في الساعة { $time } حسب توقيتك.
    { $where }
feedback-pacing = كيف كانت جلسة «{ $title }»؟ إجاباتك تساعد فريق التيسير.
    الإيقاع، من 1 (بطيء جدًا أو سريع جدًا) إلى 5 (مناسب تمامًا):
feedback-inclusivity = الشمول: هل تمكّن الجميع من المشاركة، من 1 (لا، أبدًا) إلى 5 (نعم، تمامًا)؟
feedback-usefulness = الفائدة لعملك، من 1 (غير مفيدة) إلى 5 (مفيدة جدًا):
feedback-text = هل هناك شيء آخر ينبغي أن يعرفه فريق التيسير؟ اكتبه (حتى { $max } حرف)، أو تخطَّ هذه الخطوة.
feedback-skip = تخطٍّ
feedback-too-long = عدد الأحرف { $length }؛ يُرجى ألا يزيد على { $max }.
feedback-thanks = شكرًا على ملاحظاتك.
feedback-usage = طريقة الاستخدام: /feedback [رقم الجلسة]
feedback-none = لا توجد ملاحظات لعرضها بعد.
feedback-summary = #{ $id } { $title }: الإجابات { $responses } (الحضور { $attending })
    الإيقاع { $pacing } · الشمول { $inclusivity } · الفائدة { $usefulness } (المتوسط، 1-5)

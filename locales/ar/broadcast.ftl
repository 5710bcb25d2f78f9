bc-pick-cohort = لأي مجموعة هذه الرسالة؟
bc-audience = من في { $cohort } يجب أن يستلمها؟ ({ $count ->
    [zero] لا أحد غيرك
    [one] شخص واحد غيرك
    [two] شخصان غيرك
    [few] { $count } أشخاص غيرك
    [many] { $count } شخصًا غيرك
   *[other] { $count } شخص غيرك
})
bc-everyone = الجميع ({ $count })
bc-by-track = المسار
bc-by-region = المنطقة
bc-by-language = اللغة
bc-pick-value = اختر واحدًا:
bc-no-values = لم يحدّد أحد في هذه المجموعة ذلك بعد.
bc-back = « رجوع
bc-cancel = إلغاء
bc-cancelled = تم الإلغاء. لم يُرسَل أي شيء.
bc-write = اكتب الرسالة في نص واحد (حتى { $max } حرف). ستُرسَل تمامًا كما تكتبها.
bc-empty = هذه الرسالة فارغة. يُرجى كتابة شيء.
bc-too-long = عدد أحرف رسالتك { $length }، والحد الأقصى للرسالة { $max }. يُرجى اختصارها.
bc-options = اكتب من 2 إلى { $max } إجابات تفصل بينها علامة | — مثلًا: نعم | لا | لست متأكدًا (لا تزيد كل إجابة على { $length } حرفًا).
bc-options-bad = يُرجى كتابة من 2 إلى { $max } إجابات مختلفة تفصل بينها علامة |، ولا تزيد كل منها على { $length } حرفًا.
bc-when = متى تريد إرسالها؟ اكتب وقتًا حسب منطقتك الزمنية ({ $zone }): 18:00، أو { $example }، أو in 2h (بعد ساعتين).
bc-when-bad = لم أتمكن من قراءة هذا الوقت. أمثلة: 18:00 · { $example } · in 30m · in 2h · in 3d (m = دقائق، h = ساعات، d = أيام)
bc-when-range = يُرجى اختيار وقت في المستقبل، خلال سنة من الآن.
bc-now = الآن
bc-segment-all = الجميع
bc-segment = { $field }: { $value }
bc-from = رسالة من { $sender }:
bc-from-staff = فريق تبادلك
bc-preview = معاينة — إلى { $cohort }، { $segment }، { $when }.
    المستلمون: { $count }. لن تصل إلى: { $consent } دون موافقة على المتابعة، و{ $blocked } يتعذّر الوصول إليهم.
bc-preview-options = أزرار الرد: { $options }
bc-format-problem = مشكلة في التنسيق: { $problem }. صحّح النص، أو أوقف التنسيق.
bc-nobody = لا أحد من هؤلاء يمكنه استلامها. اختر مستلمين آخرين.
bc-confirm = ✓ إرسال إلى { $count }
bc-confirm-schedule = ✓ جدولة لـ { $count }
bc-options-add = + أزرار الرد
bc-options-remove = − أزرار الرد
bc-format-off = التنسيق: متوقف
bc-format-on = التنسيق: مفعّل (HTML)
bc-edit-text = تعديل النص
bc-change-audience = المستلمون
bc-scheduled = الرسالة #{ $id } مجدولة في { $when }. تجدها في /broadcasts، ويمكنك إلغاؤها من هناك.
bc-status-sending = الرسالة #{ $id }: جارٍ الإرسال { $sent }/{ $total }
    { $bar }
    تعذّر الوصول حتى الآن: { $unreachable }
bc-status-done = أُرسلت الرسالة #{ $id }: وصلت إلى { $sent } من { $total }، وتعذّر الوصول إلى { $unreachable }، وفشل الإرسال إلى { $failed }.
    لم تُرسَل إلى: { $consent } دون موافقة على المتابعة، و{ $blocked } حظروا البوت.
bc-status-format-refused = رفض Telegram تنسيقها، لذلك لم يُرسَل الباقي. صحّح التنسيق وأرسلها مرة أخرى.
bc-answer-thanks = شكرًا لك — إجابتك: { $answer }
bc-list-title = أحدث الرسائل:
bc-list-empty = لا توجد رسائل بعد. استخدم /broadcast لإرسال رسالة.
bc-line = { $when } · وصلت { $sent }/{ $total } · قيد الانتظار { $pending } · تعذّر الوصول { $unreachable } · فشلت { $failed }
bc-line-scheduled = مجدولة في { $when }
bc-line-cancelled = أُلغيت (كانت مجدولة في { $when })
bc-line-answers = الإجابات: { $answers }
bc-cancel-scheduled = إلغاء #{ $id }
bc-cancelled-scheduled = أُلغيت الرسالة #{ $id }.
bc-status-uncertain = غير مؤكَّد: { $uncertain } — انقطع الاتصال قبل أن يؤكّد Telegram الاستلام، فربما وصلتهم الرسالة وربما لا.
bc-line-uncertain = غير مؤكَّد { $uncertain }
bc-resend-uncertain = أعِد الإرسال إلى غير المؤكَّدين ({ $uncertain })
bc-resent = يُعاد إرسال الرسالة #{ $id } إلى { $count } من الأشخاص، مع الإشارة إلى أنها قد تكون تكرارًا.
bc-resend-none = لم يبقَ شيء غير مؤكَّد لإعادة إرساله من الرسالة #{ $id }.
bc-cancel-ask = هل تريد إلغاء الرسالة #{ $id } إلى { $cohort } ({ $segment })، المجدولة في { $when }؟ لن تُرسَل.
bc-cancel-yes = نعم، ألغِ #{ $id }
bc-cancel-keep = لا، أبقِها
bc-cancel-kept = تبقى الرسالة #{ $id } مجدولة في { $when }.

learn-tracks = مسارات التعلّم. اختر مسارًا لترى وحداته.
learn-track = { $track }: وحدات هذا المسار. ✓ مكتملة، ▶ بدأتها.
learn-all-tracks = كل المسارات
learn-card-head = { $title } · { $number }/{ $total }
learn-in-english = (بالإنجليزية)
learn-next = التالي ▶
learn-finish = إنهاء ✓
learn-right = ✅ صحيح.
learn-not-quite = ❌ ليس تمامًا.
learn-skip = تخطٍّ ▶
learn-reflect-hint = اكتب إجابتك (حتى { $max } حرف) أو تخطَّ.
learn-reflection-kept = تم حفظ تأملك.
learn-no-consent = تحفظ المسارات والوحدات موضعك وإجاباتك، لذلك تحتاج إلى إذنك بحفظ تقدّمك، ولم تمنحه بعد. لا أحفظ شيئًا عن تعلّمك. يمكنك السماح بذلك بالزر أدناه (أو عبر /consent)، أو قراءة الوحدات دون أن يُحفظ أي شيء: /offline.
learn-module-done = أنهيت «{ $title }».
learn-well-done = اكتملت الوحدة.
learn-already-answered = لقد أجبت عن هذا السؤال بالفعل.
learn-module-gone = هذه الوحدة لم تعد متاحة. إليك المسارات.
learn-nothing-to-continue = ليست لديك وحدة قيد التقدّم.
progress-title = تقدّمك
progress-track = { $track }
    { $bar } { $percent }% · الوحدات المكتملة: { $done }/{ $total }
offline-choose-track = القراءة دون اتصال: اختر مسارًا. ستحصل على نص عادي يمكنك قراءته دون اتصال بالإنترنت.
offline-choose = { $track }: اختر وحدة أو المسار كاملًا. الحجم المعروض هو ما ستنزّله.
offline-whole-track = المسار كاملًا ({ $size })
offline-caption = { $title }: للقراءة دون اتصال.
offline-sent = تم الإرسال.
offline-quiz = اختبار قصير
offline-correct = (إجابة صحيحة)
offline-scenario = تمرين محاكاة
offline-step = خطوة
offline-debrief = المراجعة الختامية
offline-go-to = انتقل إلى
offline-reflection = تأمل
learn-back = « رجوع
learn-try-again = حاول مجددًا ↻
learn-tries-left = { $left ->
    [one] لديك محاولة أخرى.
    [two] لديك محاولتان أخريان.
    [few] لديك { $left } محاولات أخرى.
   *[other] لديك { $left } محاولة أخرى.
}
learn-score = إجابات صحيحة من المحاولة الأولى: { $right }/{ $total }.
learn-next-module = التالي: { $title }
learn-all-done = أنهيت كل الوحدات.
learn-suggest = التالي في «{ $track }»: { $title }.
learn-track-label = { $track } · { $done }/{ $total }
learn-tracks-star = ★ المسار الذي يقترحه عليك تقييم الاحتياجات.
typed-number-ask = كتبت «{ $number }». هل تقصد أن هذه إجابتك؟
typed-number-keep = نعم، احفظها

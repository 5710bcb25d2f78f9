consent-question = الموافقة { $number } من { $total }: { $question }

    { $reason }
consent-yes = نعم
consent-no = لا
consent-saved = تم الحفظ.
consent-progress = هل يمكنني حفظ تقدّمك في التعلّم؟
consent-progress-why = لكي تتابع من حيث توقفت، أحفظ موضعك في كل وحدة، وإجاباتك على الاختبارات والسيناريوهات، وتأملاتك، وخطة عملك مع إجابات المتابعة، وملاحظتك في تقييم الاحتياجات، وما تكتبه عن الجلسات المباشرة. بدون هذه الموافقة لا أحفظ شيئًا من ذلك: تبقى المسارات والوحدات والخطة مغلقة، لكن /offline يظل يرسل إليك وحدات لتقرأها. وإذا سحبتها لاحقًا، يُحذف كل ذلك فورًا. (أما إجاباتك على تقييم الاحتياجات فتُحفظ في كل الأحوال.)
consent-progress-short = حفظ تقدّمي
consent-stories = هل يمكنني مشاركة قصصك وتأملاتك مع مجموعتك؟
consent-stories-why = لا يراها إلا أفراد مجموعتك، ويمكنك سحب أي قصة في أي وقت.
consent-stories-short = مشاركة قصصي مع مجموعتي
consent-followup = هل يمكننا التواصل معك للمتابعة بعد انتهاء التبادل؟
consent-followup-why = تساعدك المتابعة على تحويل ما تعلّمته إلى عمل، ويمكنك إيقافها مؤقتًا.
consent-followup-short = التواصل معي للمتابعة
consent-media = هل تسمح بأن نسجّلك أو نصوّرك في الفعاليات؟
consent-media-why = إذا أجبت بـ«لا»، سيحرص فريق التنظيم على ألا تظهر في الصور والتسجيلات.
consent-media-short = تسجيلي أو تصويري
consent-overview-title = خياراتك بشأن الموافقة. اضغط على زر لتغيير أحدها.
consent-state-yes = ✅ { $question } نعم.
consent-state-no = ❌ { $question } لا.
consent-state-unset = ⬜ { $question } لم تتم الإجابة بعد.
consent-withdraw = سحب الموافقة: { $question }
consent-give = السماح: { $question }
consent-overview-footer = سياسة الموافقة { $version }. تُطبَّق التغييرات فورًا.
consent-toast-given = تم منح الموافقة.
consent-toast-withdrawn = تم سحب الموافقة.
privacy-notice = قبل أن تجيب: محادثات تيليجرام مع البوتات ليست مشفّرة من طرف إلى طرف. لا أحتفظ إلا بما توافق عليه هنا، وما تكتبه يُخزَّن مشفّرًا، و/mydata يعرض كل ما أحتفظ به عنك، و/forget يمحوه.

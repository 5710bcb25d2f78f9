reports-none = —
reports-percent = { $percent }٪
reports-days = { $days } ي { $hours } س
reports-hours = { $hours } س { $minutes } د
reports-minutes = { $minutes } د
reports-no-exchange = لا توجد تبادلات بعد. ابدأ بـ /newexchange.
reports-report-usage = الاستخدام: /report [المجموعة]
    بدون مجموعة: مجموعتك.
reports-title = تقرير: { $cohort }
    الاسم المختصر: { $handle }
reports-people = المشاركون: { $count } ({ $untracked } بلا مسار)
reports-nobody = لم ينضم أحد إلى هذه المجموعة بعد.
reports-no-tracks = لم يختر أحد مسارًا بعد.
reports-track = { $track }
    المسجلون: { $enrolled } · بدؤوا: { $started }
    أكملوا: { $completed } ({ $rate })
    الوقت الوسيط: { $median }
reports-stats-usage = الاستخدام: /stats [التبادل]
    بدون تبادل: التبادل الذي تديره.
reports-stats-title = التقييم: { $exchange }
    الاسم المختصر: { $handle }
    من { $start } إلى { $end }
    الأعضاء: { $count }
    المشاركون { $learners } · الفريق { $staff }
reports-stats-training = التدريب
    وحدات بدأت: { $started }
    وحدات اكتملت: { $completed } ({ $rate })
    أكملوا مسارهم: { $finished } من { $enrolled } ({ $track_rate })
reports-stats-skills = تغيّر المهارات ({ $people } أشخاص)،
    من أول تقييم ذاتي إلى آخره:
reports-stats-skill = { $skill }: { $change }
reports-stats-skills-none = تغيّر المهارات: لم يُجرِ أحد تقييم الاحتياجات مرتين بعد.
reports-stats-incidents = الحوادث: { $count }، مفتوحة { $open }
    عاجلة { $urgent } · خطيرة { $high }
reports-stats-action-plans = خطط العمل: { $people } أشخاص
    مفتوحة { $open } · منجزة { $done } · متروكة { $dropped }
reports-stats-checkins = المتابعات +{ $days } يوم: { $answered }/{ $sent } ({ $rate })
    متوقفة مؤقتًا { $paused }
reports-stats-checkins-none = المتابعات: لم يُرسل شيء بعد
reports-export-usage = الاستخدام: /export [التبادل]
    بدون تبادل: الأحدث.
reports-export-needs-key = التصدير يحتاج إلى مفتاح للأسماء المستعارة: اضبط PSEUDONYM_KEY وأعد تشغيل البوت. لم يُصدَّر شيء.
reports-export-caption = تصدير بأسماء مستعارة لـ { $exchange }: { $people } أشخاص. التقدم والتقييمات الذاتية لـ { $progress }، والتأملات لـ { $reflections }، بحسب موافقاتهم.

stats-chart-button = رسم بياني (≈ { $size } كيلوبايت)
stats-chart-caption = { $exchange }: إكمال المسارات، والردود على كل جولة متابعة، والمهارات بحسب التقييم الذاتي قبل وبعد. (كلمات الرسم بالإنجليزية: أداة الرسم لا تكتب الحروف العربية متصلة.)
stats-chart-empty = لا شيء للرسم بعد: لم يختر أحد مسارًا، ولم تُرسل أي متابعة، ولا يوجد تقييم ثانٍ.
stats-chart-tracks = إكمال المسار (٪ ممن اختاروه)
stats-chart-rounds = المتابعات التي رُدّ عليها (٪ من المرسلة)
stats-chart-skills = المهارات بحسب التقييم الذاتي (1-5)
stats-chart-before = الأول
stats-chart-after = الأحدث
stats-chart-nothing = لا شيء بعد

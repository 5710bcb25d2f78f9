admin-only = عذرًا، هذا الأمر متاح لفريق التنسيق فقط.
staff-only = عذرًا، هذا الأمر متاح لفريقي التيسير والتنسيق فقط.
not-your-cohort = عذرًا، يمكنك فعل ذلك لمجموعتك فقط.
cohort-needed = يُرجى ذكر المجموعة، مثلًا: /report nairobi-2026
cohort-unknown = لا أعرف هذه المجموعة. اكتب /cohorts لترى القائمة.
exchange-unknown = لا أعرف هذا التبادل. استخدم الاسم المختصر الذي أعطاك إياه الأمر /newexchange.
newexchange-usage = طريقة الاستخدام: /newexchange <الاسم> <تاريخ البدء YYYY-MM-DD> <تاريخ الانتهاء YYYY-MM-DD>
    مثال: /newexchange Nairobi Exchange 2026-03-02 2026-03-06
newexchange-bad-date = يُرجى كتابة التواريخ بالشكل YYYY-MM-DD، مثلًا 2026-03-02.
newexchange-end-before-start = تاريخ الانتهاء يأتي قبل تاريخ البدء.
newexchange-done = تم إنشاء التبادل: { $name } (من { $start } إلى { $end }). اسمه المختصر { $slug }، وأول مجموعة فيه هي { $cohort }.
    الخطوة التالية: /invite { $slug }
newcohort-usage = طريقة الاستخدام: /newcohort <التبادل> <اسم المجموعة>
    مثال: /newcohort nairobi-2026 Youth organisers
newcohort-exists = في هذا التبادل مجموعة بهذا الاسم بالفعل.
newcohort-done = أُضيفت المجموعة { $cohort } إلى { $exchange }. اسمها المختصر { $slug }.
    الخطوة التالية: /invite { $slug }  (أو /invite { $slug } facilitator)
cohorts-title = المجموعات (الاسم المختصر · الاسم):
cohorts-none = لا توجد مجموعات بعد. ابدأ بـ /newexchange.
invite-usage = طريقة الاستخدام: /invite <المجموعة> [facilitator]
invite-done = دعوة إلى { $cohort } ({ $exchange })، بدور { $role }:
    الرمز: { $code }
    الرابط: { $link }
invite-done-local = دعوة إلى { $cohort } ({ $exchange })، بدور { $role }:
    الرمز: { $code }
    للانضمام من هنا، اكتب: /start { $code }
codes-usage = طريقة الاستخدام: /codes <المجموعة>
codes-title = رموز الدعوة الخاصة بـ { $cohort }:
codes-none = لا توجد رموز دعوة لـ { $cohort } بعد.
code-live = فعّال
code-revoked = ملغى
code-uses = { $uses ->
    [zero] لم يُستخدم
    [one] استخدام واحد
    [two] استخدامان
    [few] { $uses } استخدامات
    [many] { $uses } استخدامًا
   *[other] { $uses } استخدام
}
revoke-usage = طريقة الاستخدام: /revoke <الرمز>
revoke-done = تم إلغاء الرمز { $code }: لم يعد بإمكان أي شخص جديد الانضمام به.
revoke-unknown = لا يوجد رمز فعّال بهذا الشكل.
role-usage = طريقة الاستخدام: /role <معرّف Telegram> <participant|facilitator|coordinator|safety>
role-unknown-person = لم ينضم بعد أي شخص بمعرّف Telegram هذا. أرسل إليه دعوة بدلًا من ذلك.
role-done = أصبح دور { $user } الآن: { $role }.
alias-usage = طريقة الاستخدام: /alias <الاسم الذي ستراه مجموعتك> (لا يزيد على { $max } حرفًا)
alias-done = ستراك مجموعتك باسم: { $alias }
facilitator-unnamed = ميسّر { $number }
rotate-no-facilitators = لا يوجد أحد من فريق التيسير في { $cohort } بعد. ادعُ أحدًا باستخدام /invite <المجموعة> facilitator.
rotate-done = التيسير هذا الأسبوع في { $cohort }: { $name }. عدد من سأبلغهم: { $count }.
rotate-notice = التيسير في مجموعتك هذا الأسبوع: { $name }.
audit-title = آخر الإجراءات الإدارية، الأحدث أولًا (الأوقات بتوقيت { $zone }):
audit-empty = لا توجد إجراءات إدارية بعد.
emergency-ask = ماذا يفعل الشخص في حالة طارئة إذا تعذّر الوصول إلى أي مسؤول عن السلامة؟ مثلًا أرقام الطوارئ المحلية أو خط دعم قانوني (حتى { $max } حرفًا). يراه صاحب البلاغ عندما لا يستطيع أحد استلام بلاغه، ومع كل بلاغ عاجل. اكتبه الآن، أو لاحقًا عبر /emergency { $slug } <النص>.
emergency-later = لاحقًا
emergency-not-set = لا توجد إرشادات طوارئ بعد. اكتبها عبر /emergency { $slug } <النص>.
emergency-saved = حُفظت إرشادات الطوارئ لـ { $exchange }.
emergency-usage = الاستخدام: /emergency <التبادل> <النص> (حتى { $max } حرفًا)، أو /emergency <التبادل> لقراءتها.
emergency-current = إرشادات الطوارئ لـ { $exchange }: { $text }
emergency-none = (لا شيء بعد)
safety-warning-none = ⚠ لا يوجد في { $exchange } مسؤول عن السلامة يستطيع البوت الوصول إليه: تذهب بلاغات الحوادث إلى { $fallback }. امنح الدور لشخص عبر /role <معرّف تيليغرام> safety.
safety-fallback-coordinators = فريق التنسيق
safety-fallback-admins = مديري البوت
safety-fallback-nobody = لا أحد: لن يرى صاحب البلاغ سوى إرشادات الطوارئ
newexchange-similar = يوجد تبادل مشابه بالفعل: { $name } ({ $slug }، من { $start } إلى { $end }). إنشاء تبادل ثانٍ سيقسم أعضاءه وأرقامه إلى قسمين. للعمل عليه استخدم اسمه المختصر: /invite { $slug }
newexchange-anyway = أنشئ «{ $name }» على أي حال
newexchange-keep-one = لا تُنشئه
newexchange-not-made = لم يُنشأ شيء. يعرض /cohorts التبادلات الموجودة.
invite-role-unknown = يمكن للدعوة أن تجعل الشخص مشاركًا أو ميسّرًا، لا «{ $role }». مثلًا: /invite { $cohort } facilitator. يحصل المنسّقون والمسؤولون عن السلامة على دورهم عبر /role بعد انضمامهم.
role-self-ask = أنت على وشك التوقف عن كونك منسّقًا لتصبح { $role }. ستفقد فورًا كل أوامر التنسيق، ولن يستطيع إعادتها إليك إلا منسّق آخر. هل تتابع؟
role-self-yes = نعم، اجعلني { $role }
role-self-keep = لا، أبقى منسّقًا
role-self-kept = لم يتغيّر شيء: ما زلت منسّقًا.

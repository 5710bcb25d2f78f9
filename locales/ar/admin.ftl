admin-only = عذرًا، هذا الأمر متاح لفريق التنسيق فقط.
newexchange-usage = طريقة الاستخدام: /newexchange <الاسم> <تاريخ البدء YYYY-MM-DD> <تاريخ الانتهاء YYYY-MM-DD>
    مثال: /newexchange Nairobi Exchange 2026-03-02 2026-03-06
newexchange-bad-date = يُرجى كتابة التواريخ بالشكل YYYY-MM-DD، مثلًا 2026-03-02.
newexchange-end-before-start = تاريخ الانتهاء يأتي قبل تاريخ البدء.
newexchange-done = تم إنشاء التبادل: { $name } (من { $start } إلى { $end }). اسمه المختصر { $slug }، وأول مجموعة فيه هي { $cohort }.
    الخطوة التالية: /invite { $slug }
invite-usage = طريقة الاستخدام: /invite <التبادل>
invite-unknown-exchange = لا أعرف هذا التبادل. استخدم الاسم المختصر الذي أعطاك إياه الأمر /newexchange.
invite-done = دعوة إلى { $cohort } ({ $exchange }):
    الرمز: { $code }
    الرابط: { $link }
invite-done-local = دعوة إلى { $cohort } ({ $exchange }):
    الرمز: { $code }
    للانضمام من هنا، اكتب: /start { $code }
audit-title = آخر الإجراءات الإدارية (الأحدث أولًا):
audit-empty = لا توجد إجراءات إدارية بعد.

# The action brief: /plan, its commitments, and writing or changing one.
cmd-plan = خطة عملك: ما ستفعله بعد ذلك
plan-title = 📝 خطة عملك
plan-line = { $number }. { $what }
    المسؤول: { $who } · الموعد: { $due }
plan-empty = لا شيء هنا بعد. اكتب ما ستفعله بعد التبادل، التزامًا واحدًا في كل مرة: ماذا، ومن المسؤول، ومتى.
plan-closed = أُنجز: { $done } · أُلغي: { $dropped }
plan-add = + إضافة التزام
plan-item = { $what }

    المسؤول: { $who }
    الموعد: { $due }
plan-done = تم ✓
plan-edit-what = تعديل الالتزام
plan-edit-who = تعديل المسؤول
plan-edit-due = تعديل الموعد
plan-drop = إلغاء الالتزام
plan-back = « رجوع
plan-cancel = إلغاء
plan-marked-done = تم الإنجاز. أحسنت!
plan-marked-dropped = أُزيل من خطتك.
plan-full = لديك { $max } التزامًا مفتوحًا، وهو أقصى ما أستطيع حفظه. ضع علامة الإنجاز على بعضها أو ألغِ بعضها لتضيف المزيد.
plan-no-consent = لا أحفظ خطة عملك إلا إذا سمحت لي بحفظ تقدّمك. لم تسمح بذلك، لذا لا أعرض أي التزامات ولا أحفظها. يمكنك تغيير ذلك عبر /consent.
plan-who-me = أنت
plan-me = أنا
plan-due-late = { $date } (فات الموعد)
plan-ask-what = التزام جديد، 1 من 3: ماذا ستفعل؟ اكتبه في جملة أو جملتين (حتى { $max } حرف).
plan-change-what = الآن: { $now }

    أرسل الصياغة الجديدة (حتى { $max } حرف).
plan-what-short = اكتب بضع كلمات عمّا ستفعله ({ $min } أحرف على الأقل).
plan-what-long = عدد أحرف النص { $length }، والحد الأقصى { $max }. يُرجى اختصاره وإرساله من جديد.
plan-ask-who = 2 من 3: من المسؤول؟ اضغط «أنا»، أو اكتب دورًا في مجموعتك، مثل «فريقنا الإعلامي» (حتى { $max } حرفًا).
plan-change-who = الآن: { $now }

    اضغط «أنا»، أو اكتب من المسؤول، مثل «فريقنا الإعلامي» (حتى { $max } حرفًا).
plan-who-empty = اضغط «أنا» أو اكتب من المسؤول.
plan-who-long = عدد الأحرف { $length }، والحد الأقصى { $max }، مثل «فريقنا الإعلامي».
plan-ask-due = 3 من 3: متى؟ اختر أحد الخيارات، أو اكتب تاريخًا مثل { $example }.
plan-change-due = الآن: { $now }

    اختر أحد الخيارات، أو اكتب تاريخًا جديدًا مثل { $example }.
plan-in-1w = بعد أسبوع
plan-in-2w = بعد أسبوعين
plan-in-1m = بعد شهر
plan-in-3m = بعد 3 أشهر
plan-due-bad = لم أتمكن من قراءة هذا التاريخ. اكتبه بصيغة سنة-شهر-يوم، مثل { $example }، أو اختر أحد الخيارات.
plan-due-past = هذا التاريخ قد مضى. اختر اليوم ({ $today }) أو تاريخًا لاحقًا.
plan-due-far = هذا بعد أكثر من سنتين. اختر تاريخًا حتى { $latest }.
plan-saved = ✓ تم الحفظ.
plan-added = ✓ أُضيف إلى خطة عملك.

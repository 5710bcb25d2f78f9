library-home = مركز المعرفة: دراسات حالة، ومراجعات ما بعد العمل، وقوائم تحقق، ونماذج، وأدلة عملية، وقصص من مجموعات أخرى. كل منها ملف نصي صغير تقرؤه دون اتصال، ويظهر حجمه قبل التنزيل. تصفح حسب النوع أو المسار، أو ابحث بـ /library وكلمة. لمشاركة قصتك: /submit
library-by-track = حسب المسار
library-choose-track = مركز المعرفة: اختر مسارًا.
library-track = { $track } ({ $count })
library-back = « مركز المعرفة
library-page = { $what } · { $page }/{ $pages }
library-empty-list = لا شيء هنا بعد.
library-entry = { $number }. { $title }
    { $summary }
    { $type } · { $size }
library-download = ⬇ { $number } ({ $size })
library-none = لا يوجد في المركز ما يطابق ذلك بعد.
library-found = وجدت { $count }:
library-found-more = تظهر أول { $shown } نتائج؛ أضف كلمة لتضييق البحث.
library-sent = أُرسل.
library-caption = { $title }: للقراءة دون اتصال.
library-shared = شاركه كاتبه مع مركز المعرفة، { $date }
library-type-case-study = دراسة حالة
library-type-after-action = مراجعة ما بعد العمل
library-type-checklist = قائمة تحقق
library-type-template = نموذج
library-type-toolkit = دليل عملي
library-type-story = قصة
library-types-case-study = دراسات حالة ({ $count })
library-types-after-action = مراجعات ما بعد العمل ({ $count })
library-types-checklist = قوائم تحقق ({ $count })
library-types-template = نماذج ({ $count })
library-types-toolkit = أدلة عملية ({ $count })
library-types-story = قصص ({ $count })
library-submit-usage = لمشاركة قصة مشارك نيابة عنه: /submit متبوعًا بمعرّفه في تيليغرام. لمشاركة قصتك: /submit
library-author-unknown = لا أجد هذا الشخص بين من تعمل معهم. تحقق من معرّف تيليغرام.
library-submit-for = أنت تكتب نيابة عن { $user }. سيرى كل كلمة ويقرر إن كانت ستُشارك.
library-submit-kind = ماذا تريد أن تشارك مع مركز المعرفة؟
library-submit-title = اكتب عنوانًا قصيرًا (حتى { $max } حرفًا).
library-submit-text = اكتبه الآن في { $max } حرفًا على الأكثر: ماذا حدث، وما الذي نجح، وما الذي لم ينجح، ولماذا. لا تذكر أسماء ولا أي شيء قد يعرّض أشخاصًا أو أماكن للخطر.
library-title-length = يحتاج العنوان من { $min } إلى { $max } حرفًا؛ هذا فيه { $length }.
library-text-length = يحتاج النص من { $min } إلى { $max } حرفًا؛ هذا فيه { $length }.
library-submit-confirm = هل تشارك هذا مع مركز المعرفة؟ يقرؤه منسق أولًا، ولا يظهر اسمك أبدًا.
library-submit-confirm-behalf = هل تسأل الكاتب إن كان يمكن مشاركة هذا؟ لا يُشارك شيء ما لم يوافق ويعتمده منسق.
library-share = نعم، شاركه
library-ask-author = اسأل الكاتب
library-cancel = إلغاء
library-submit-cancelled = أُلغي. لم يُحفظ شيء.
library-submit-sent = شكرًا. سيقرؤه منسق، وستعرف عندما يُنشر.
library-submit-asked = سألت الكاتب. لن يصل إلى المنسقين إلا إذا وافق، وستعرف جوابه.
library-consent-ask = كتب معك شخص من برنامج التبادل هذا النص ({ $kind }) لمركز المعرفة، حيث يمكن لمجموعات أخرى قراءته. لا يظهر اسمك أبدًا.

    { $title }

    { $text }

    هل يمكن مشاركته؟ إن قلت لا، يُحذف.
library-consent-yes = نعم، شاركه
library-consent-no = لا، احذفه
library-consent-thanks = شكرًا. سيقرؤه منسق قبل نشره.
library-consent-deleted = لن يُشارك، وحُذف النص.
library-consent-given = وافق الكاتب على مشاركة "{ $title }". سيراجعه منسق.
library-consent-refused = رفض الكاتب مشاركة "{ $title }". حُذف النص.
library-review-none = لا توجد مساهمات تنتظر المراجعة.
library-review-head = بانتظار المراجعة: { $count }. هذه: #{ $id } · { $kind } · { $language } · { $date }
library-approve = ✅ انشر
library-decline = ✖ ارفض
library-review-already = تقرر ذلك بالفعل.
library-review-approved = نُشر: "{ $title }".
library-review-declined = رُفض: "{ $title }".
library-approved = مساهمتك "{ $title }" أصبحت الآن في مركز المعرفة (/library). شكرًا لمشاركتها.
library-declined = لم تُنشر مساهمتك "{ $title }" هذه المرة. شكرًا لمشاركتها معنا.
library-publish-ask = هل تريد نشر «{ $title }» في المكتبة؟ سيتمكّن كل من يستخدم المكتبة من قراءته وتنزيله، ولا يُذكر اسم كاتبه أبدًا.
library-publish-yes = ✅ نعم، انشره
library-publish-back = « رجوع

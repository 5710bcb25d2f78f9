glossary-list = المسرد: كلمات من الوحدات بلغة بسيطة. اضغط على كلمة، أو اكتب /glossary ثم الكلمة. ({ $page }/{ $pages })
glossary-empty = لا يوجد مسرد بعد.
glossary-not-found = ليس لدي شرح لـ"{ $query }" بعد. يعرض /glossary كل الكلمات التي أستطيع شرحها.
glossary-did-you-mean = ليس لدي شرح لـ"{ $query }". هل تقصد إحدى هذه الكلمات؟
glossary-back = « كل الكلمات

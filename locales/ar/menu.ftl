menu-title = القائمة الرئيسية. ماذا تريد أن تفعل؟
menu-learn = التعلّم
menu-consent = موافقاتي
menu-language = اللغة
menu-profile = التوقيت وساعات الهدوء
menu-help = مساعدة
menu-finish-setup = لنُكمل إعداد حسابك أولًا.
help-text = أساعدك على المشاركة في تبادلك التدريبي.
    /start: المتابعة من حيث توقفت
    /menu: القائمة الرئيسية
    /tracks: مسارات التعلّم ووحداتها
    /continue: متابعة التعلّم من حيث توقفت
    /progress: تقدّمك
    /assessment: تقييم الاحتياجات
    /offline: وحدات للقراءة دون اتصال
    /language: تغيير اللغة
    /consent: عرض خيارات الموافقة أو تغييرها
    /help: هذه الرسالة

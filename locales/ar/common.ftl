# Shared words and the bot's command list.
language-name = العربية
cmd-start = البدء أو المتابعة من حيث توقفت
cmd-menu = القائمة الرئيسية
cmd-continue = متابعة التعلّم من حيث توقفت
cmd-tracks = مسارات التعلّم ووحداتها
cmd-progress = تقدّمك في التعلّم
cmd-assessment = إعادة تقييم الاحتياجات
cmd-offline = تنزيل الوحدات لقراءتها دون اتصال
cmd-help = ما يمكنني فعله
cmd-language = تغيير اللغة
cmd-consent = عرض خيارات الموافقة أو تغييرها

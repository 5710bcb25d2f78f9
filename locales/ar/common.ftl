# Shared words and the bot's command list.
language-name = العربية
cmd-start = البدء أو المتابعة من حيث توقفت
cmd-menu = القائمة الرئيسية
cmd-help = ما يمكنني فعله
cmd-language = تغيير اللغة
cmd-consent = عرض خيارات الموافقة أو تغييرها

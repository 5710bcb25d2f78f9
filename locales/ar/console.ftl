# The terminal chat (`exchange-bot chat`).
console-intro = محادثة في الطرفية مع exchange-bot. اكتب رسالة أو أمرًا يبدأ بـ /، واكتب رقم الزر للضغط عليه. للخروج اضغط Ctrl-D.
console-demo-created = لا حاجة إلى دعوة هنا: أنشأت التبادل التجريبي «{ $exchange }» وأضفتك إليه.
console-document-saved = تم حفظ الملف: { $path }
console-edited = (تم التحديث)

# The terminal chat (`exchange-bot chat`).
console-intro = Terminal chat with exchange-bot. Type a message or a /command; type a button's number to press it. Ctrl-D quits.
console-demo-created = No invite is needed here: I created the demo exchange "{ $exchange }" and put you in it.
console-document-saved = File saved: { $path }
console-edited = (updated)

# Shared words and the bot's command list.
language-name = Español
cmd-start = Empezar o seguir donde lo dejaste
cmd-menu = Menú principal
cmd-help = Lo que puedo hacer
cmd-language = Cambiar el idioma
cmd-consent = Ver o cambiar tus opciones de consentimiento

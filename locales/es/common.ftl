# Shared words and the bot's command list.
language-name = Español
cmd-start = Empezar o seguir donde lo dejaste
cmd-menu = Menú principal
cmd-continue = Seguir aprendiendo donde lo dejaste
cmd-tracks = Rutas de aprendizaje y módulos
cmd-progress = Tu avance en el aprendizaje
cmd-assessment = Volver a hacer la evaluación de necesidades
cmd-offline = Descargar módulos para leer sin conexión
cmd-help = Lo que puedo hacer
cmd-language = Cambiar el idioma
cmd-consent = Ver o cambiar tus opciones de consentimiento

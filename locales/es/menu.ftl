menu-title = Menú principal. ¿Qué quieres hacer?
menu-learn = Aprender
menu-consent = Mi consentimiento
menu-language = Idioma
menu-profile = Zona horaria y silencio
menu-help = Ayuda
menu-finish-setup = Primero terminemos de preparar tu cuenta.
help-text = Te ayudo a participar en tu intercambio de formación.
    /start: seguir donde lo dejaste
    /menu: menú principal
    /tracks: rutas de aprendizaje y módulos
    /continue: seguir aprendiendo donde lo dejaste
    /progress: tu avance
    /assessment: la evaluación de necesidades
    /offline: módulos para leer sin conexión
    /plan: tu plan de acción: lo que harás después del intercambio
    /pause <días> · /resume: una pausa de recordatorios y seguimientos
    /sessions: sesiones en vivo, en tu hora · /library · /glossary <palabra>
    /mentor: mentoría · /story · /stories: historias de tu grupo
    /incident: avisar de un incidente de seguridad (de forma anónima si quieres)
    /mydata: lo que guardo sobre ti · /forget: borrarlo todo
    /language: cambiar el idioma
    /consent: ver o cambiar tus opciones de consentimiento
    /help: este mensaje

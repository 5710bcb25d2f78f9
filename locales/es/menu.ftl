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
    /submit: compartir una historia o una revisión posterior con la biblioteca
    /mentor: mentoría · /story · /stories: historias de tu grupo
    /incident: avisar de un incidente de seguridad (de forma anónima si quieres)
    /mydata: lo que guardo sobre ti · /forget: borrarlo todo
    /language: cambiar el idioma
    /consent: ver o cambiar tus opciones de consentimiento
    /help: este mensaje
help-staff-intro = Te ayudo a organizar intercambios de formación. Tus comandos:
help-coordinator = Como coordinador o coordinadora:
    /newexchange <nombre> <inicio> <fin> · /newcohort · /cohorts: intercambios y sus grupos
    /invite <grupo> [facilitator] · /codes · /revoke: códigos de invitación
    /role <id de Telegram> <rol>: dar o quitar un rol
    /broadcast · /schedule · /broadcasts: mensajes a cualquier grupo, ahora o más tarde
    /report: avance por ruta · /rotate: facilitación de la semana · /alias <nombre>: tu nombre
    /pair: formar parejas de mentoría · /submit <id de Telegram>: la historia de un participante para la biblioteca
    /addsession <intercambio>: una sesión en vivo · /feedback: lo que opinó la gente de las sesiones
    /checkins <intercambio>: días de seguimiento · /emergency <intercambio>: consejos para emergencias
    /stats · /export: cifras de evaluación, una exportación seudonimizada · /audit: el registro de auditoría
    /submissions: historias pendientes de aprobación · /incidents: el punto de seguridad
help-facilitator = Como facilitador o facilitadora de tu grupo:
    /broadcast · /schedule · /broadcasts: mensajes a tu grupo, ahora o más tarde
    /report: avance por ruta · /rotate: facilitación de la semana · /alias <nombre>: el nombre que ve tu grupo
    /pair: formar parejas de mentoría · /submit <id de Telegram>: la historia de un participante para la biblioteca
    /feedback: lo que opinó la gente de las sesiones en vivo
help-safety = Como persona de contacto de seguridad:
    /incidents: el punto de seguridad: avisos, confirmarlos, darlos por resueltos, notas privadas
help-staff-general = Para todo el mundo: /glossary <palabra> · /mydata · /forget · /help
    Para participar tú en un grupo, únete con una invitación: /start <código>

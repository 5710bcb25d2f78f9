privacy-nothing = El bot no guarda nada sobre ti.
privacy-summary-title = Lo que el bot guarda sobre ti:
privacy-summary-line = • { $kind }: { $count }
privacy-summary-line-kept = • { $kind }: { $count } (solo mientras permitas «{ $consent }»)
privacy-summary-footer = Toca abajo para recibirlo todo en un archivo. El archivo contiene todo en texto claro, también tus propias palabras: guárdalo con cuidado y bórralo de este chat cuando ya no lo necesites. /forget lo borra todo.
privacy-download = Envíamelo todo en un archivo
privacy-file-caption = Todo lo que el bot guarda sobre ti (JSON).
privacy-file-sent = Archivo enviado.
privacy-kind-participants = Tu perfil (campos completados)
privacy-kind-consent_events = Decisiones de consentimiento, con su historial
privacy-kind-module_progress = Módulos empezados
privacy-kind-card_results = Respuestas a cuestionarios y escenarios
privacy-kind-reflections = Reflexiones
privacy-kind-assessments = Evaluaciones de necesidades
privacy-kind-commitments = Compromisos de tu plan
privacy-kind-checkins = Seguimientos
privacy-kind-checkin_answers = Respuestas de seguimiento sobre tus compromisos
privacy-kind-mentorship_requests = Ofertas y pedidos de mentoría
privacy-kind-pairings = Parejas de mentoría
privacy-kind-library_submissions = Historias propuestas para la biblioteca
privacy-kind-session_attendance = Sesiones a las que te apuntaste
privacy-kind-session_feedback = Opiniones sobre sesiones
privacy-kind-incidents = Incidentes que reportaste con tu nombre
privacy-kind-stories = Historias
privacy-kind-broadcast_answers = Respuestas a mensajes del equipo
privacy-kind-outbox = Mensajes en cola o enviados a ti
privacy-kind-audit_log = Acciones de equipo que hiciste
privacy-kind-broadcasts = Mensajes que enviaste a una cohorte
privacy-kind-invite_codes = Códigos de invitación que creaste
privacy-kind-exchanges = Intercambios que creaste
privacy-kind-live_sessions = Sesiones en vivo que creaste
privacy-kind-cohorts = Cohortes donde facilitas esta semana
privacy-forget-warning =
    ¿Borrar todo lo que el bot guarda sobre ti?

    Se borran tu perfil, tus decisiones de consentimiento, tu progreso, reflexiones, plan, seguimientos, historias, parejas de mentoría, inscripciones y opiniones sobre sesiones, respuestas a mensajes y mensajes en cola. No se puede deshacer, y necesitarías una nueva invitación para volver.

    Los incidentes que reportaste se quedan con el equipo de seguridad, como reportes anónimos. Los mensajes que enviaste a una cohorte se quedan con ella, sin tu nombre.

    ¿Quieres una copia antes? Usa /mydata antes de confirmar.
privacy-forget-yes = Sí, borrar todo
privacy-forget-no = No, conservar mis datos
privacy-forget-kept = No se borró nada.
privacy-forget-expired = Esa confirmación ha caducado y no se borró nada. Envía /forget otra vez si aún lo quieres.
privacy-forgotten = Hecho: todo lo que el bot guardaba sobre ti ha sido borrado. Para el bot ahora eres una persona desconocida. Cuídate.
privacy-pairing-ended = Tu pareja de mentoría ha terminado: la otra persona se ha ido. Gracias por el tiempo que se dieron. /mentor muestra tus opciones.
privacy-withdrawn-progress =
    Borrado al instante, porque retiraste este consentimiento:
    módulos empezados: { $modules }
    respuestas a cuestionarios y escenarios: { $quiz }
    reflexiones: { $reflections }
    compromisos: { $commitments } (con { $answers } respuestas de seguimiento)
    notas de evaluaciones de necesidades: { $notes }
    Las rutas, los módulos y tu plan quedan cerrados hasta que vuelvas a permitirlo; /offline sigue funcionando.
privacy-withdrawn-stories = Borrado al instante, porque retiraste este consentimiento: tus historias ({ $stories }).
privacy-withdrawn-followup = No se te enviarán seguimientos. Cancelados antes de enviarse: { $messages }.

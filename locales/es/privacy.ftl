privacy-nothing = El bot no guarda nada sobre ti.
privacy-summary-title = Lo que el bot guarda sobre ti:
privacy-summary-line = • { $kind }: { $count }
privacy-summary-line-kept = • { $kind }: { $count } (solo mientras permitas «{ $consent }»)
privacy-summary-footer = Toca abajo para recibirlo todo en dos archivos: uno para leer, en tu idioma, y lo mismo como datos (JSON) para otras herramientas. Contienen todo en texto claro, también tus propias palabras: guárdalos con cuidado y bórralos de este chat cuando ya no los necesites. /forget lo borra todo.
privacy-download = Envíamelo todo en archivos
privacy-file-sent = Archivos enviados.
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

privacy-file-caption-text = Todo lo que el bot guarda sobre ti, para leer.
privacy-file-caption-json = Lo mismo como datos (JSON), para otras herramientas; "_about" explica cada clave.
privacy-text-title = Todo lo que el bot guarda sobre ti, a fecha de { $when } (horas en { $zone })
privacy-text-intro = Cada sección es un tipo de registro. Aquí se omiten los campos vacíos y los registros internos del bot; el archivo .json contiene todos los campos.
privacy-about-format = Las horas están en ISO 8601 y en UTC; las fechas, en AAAA-MM-DD; las horas de silencio, en HH:MM de tu propia zona horaria. Lo que escribiste aparece tal como lo escribiste.
privacy-about-reference = El número de un registro relacionado (lo usa el bot; no significa nada por sí solo)
privacy-about-bookkeeping = Cómo el bot lleva la cuenta de su propio trabajo (en qué punto va una conversación, intentos de envío)
privacy-value-yes = sí
privacy-value-no = no
privacy-field-acknowledged_at = Recibido por el equipo de seguridad
privacy-field-action = Acción
privacy-field-alias = Nombre que ve tu grupo
privacy-field-answered_at = Respondido
privacy-field-answers = Respuestas
privacy-field-blocked_at = El bot dejó de poder contactarte
privacy-field-buttons = Botones
privacy-field-card_id = Tarjeta
privacy-field-checkin_offsets = Días de seguimiento tras el intercambio
privacy-field-choice_id = Opción
privacy-field-circle_requested = Pediste ayuda a la persona facilitadora
privacy-field-closed_at = Cerrado
privacy-field-coc_accepted_at = Código de conducta aceptado
privacy-field-code = Código
privacy-field-completed_at = Completado
privacy-field-correct = Correcta
privacy-field-created_at = Creado
privacy-field-current_module = Módulo en curso
privacy-field-decided_at = Decidido
privacy-field-due_on = Fecha límite
privacy-field-emergency_text = Consejo de emergencia
privacy-field-ended_at = Terminado
privacy-field-ends_on = Termina
privacy-field-format = Formato
privacy-field-granted = Permitido
privacy-field-handled_at = Resuelto por el equipo de seguridad
privacy-field-happened = Cuándo ocurrió
privacy-field-inclusivity = Inclusión (1-5)
privacy-field-kind = Tipo
privacy-field-language = Idioma
privacy-field-mentee_reveals = La persona mentorada muestra su cuenta de Telegram
privacy-field-mentor_reveals = La persona mentora muestra su cuenta de Telegram
privacy-field-minutes = Minutos
privacy-field-module_id = Módulo
privacy-field-name = Nombre
privacy-field-note = Nota
privacy-field-noted_at = Nota escrita
privacy-field-offset_days = Días después del intercambio
privacy-field-onboarded_at = Configuración terminada
privacy-field-option = Opción elegida
privacy-field-options = Opciones
privacy-field-outcome = Resultado
privacy-field-pacing = Ritmo (1-5)
privacy-field-paused_until = Recordatorios en pausa hasta
privacy-field-place = Lugar
privacy-field-policy_version = Versión del aviso de privacidad
privacy-field-purpose = Consentimiento
privacy-field-quiet_end = Fin de las horas de silencio
privacy-field-quiet_start = Inicio de las horas de silencio
privacy-field-recommended_track = Ruta recomendada
privacy-field-region = Región
privacy-field-reminded_at = Recordado
privacy-field-revoked_at = Revocado
privacy-field-role = Rol
privacy-field-segment = Enviado a
privacy-field-send_at = Hora de envío
privacy-field-sent_at = Enviado
privacy-field-severity = Gravedad
privacy-field-skipped_blocked = No enviado (sin contacto)
privacy-field-skipped_consent = No enviado (sin consentimiento)
privacy-field-slug = Identificador
privacy-field-started_at = Empezado
privacy-field-starts_at = Empieza
privacy-field-starts_on = Empieza
privacy-field-status = Estado
privacy-field-step_data = Borradores a medio escribir
privacy-field-step_id = Paso
privacy-field-target = Sobre
privacy-field-telegram_id = Id de Telegram
privacy-field-text = Texto
privacy-field-timezone = Zona horaria
privacy-field-title = Título
privacy-field-total = Destinatarios
privacy-field-track_id = Ruta
privacy-field-updated_at = Último cambio
privacy-field-usefulness = Utilidad (1-5)
privacy-field-uses = Veces usado
privacy-field-wellbeing = Bienestar (1-5)
privacy-field-what = Qué
privacy-field-where = Dónde
privacy-field-who = Quién se encarga

consent-question = Consentimiento { $number } de { $total }: { $question }

    { $reason }
consent-yes = Sí
consent-no = No
consent-saved = Guardado.
consent-progress = ¿Puedo guardar tu avance en el aprendizaje?
consent-progress-why = Para que puedas seguir donde lo dejaste, guardo en qué punto vas de cada módulo, tus respuestas a cuestionarios y escenarios, tus reflexiones, tu plan de acción con sus respuestas de seguimiento, la nota de tu evaluación de necesidades y lo que escribas sobre las sesiones en vivo. Sin esto no guardo nada de eso: las rutas, los módulos y el plan quedan cerrados, pero /offline te sigue enviando módulos para leer. Si lo retiras más adelante, todo eso se borra al instante. (Las respuestas de tu evaluación de necesidades se guardan en cualquier caso.)
consent-progress-short = guardar mi avance
consent-stories = ¿Puedo compartir tus historias y reflexiones con tu grupo?
consent-stories-why = Solo las ve tu propio grupo; puedes retirar una historia cuando quieras.
consent-stories-short = compartir mis historias con mi grupo
consent-followup = ¿Podemos contactarte después del intercambio para hacer seguimiento?
consent-followup-why = Estos contactos te ayudan a poner en práctica lo que aprendiste; puedes pausarlos.
consent-followup-short = contactarme para seguimiento
consent-media = ¿Podemos grabarte o tomarte fotos en los eventos?
consent-media-why = Si dices que no, el equipo organizador te dejará fuera de las fotos y grabaciones.
consent-media-short = grabarme o tomarme fotos
consent-overview-title = Tus opciones de consentimiento. Toca un botón para cambiar una.
consent-state-yes = ✅ { $question } Sí.
consent-state-no = ❌ { $question } No.
consent-state-unset = ⬜ { $question } Sin responder todavía.
consent-withdraw = Retirar: { $question }
consent-give = Permitir: { $question }
consent-overview-footer = Política de consentimiento { $version }. Los cambios se aplican de inmediato.
consent-toast-given = Consentimiento dado.
consent-toast-withdrawn = Consentimiento retirado.
privacy-notice = Antes de responder: los chats de Telegram con bots no tienen cifrado de extremo a extremo. Solo guardo lo que aceptes aquí, lo que escribes se guarda cifrado, /mydata muestra todo lo que guardo sobre ti y /forget lo borra.

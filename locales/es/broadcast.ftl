bc-pick-cohort = ¿Para qué grupo es?
bc-audience = ¿Quién de { $cohort } debe recibirlo? ({ $count ->
    [one] 1 persona
   *[other] { $count } personas
} además de ti)
bc-everyone = Todo el grupo ({ $count })
bc-by-track = Ruta
bc-by-region = Región
bc-by-language = Idioma
bc-pick-value = Elige una opción:
bc-no-values = Nadie en este grupo ha indicado eso todavía.
bc-back = « Atrás
bc-cancel = Cancelar
bc-cancelled = Cancelado. No se envió nada.
bc-write = Escribe el mensaje en un solo texto (hasta { $max } caracteres). Se enviará tal como lo escribas.
bc-empty = Ese mensaje está vacío. Escribe algo, por favor.
bc-too-long = Tiene { $length } caracteres; un mensaje puede tener como máximo { $max }. Acórtalo, por favor.
bc-options = Escribe de 2 a { $max } respuestas separadas por | — por ejemplo: Sí | No | No sé (cada una de hasta { $length } caracteres).
bc-options-bad = Escribe de 2 a { $max } respuestas distintas separadas por |, cada una de hasta { $length } caracteres.
bc-when = ¿Cuándo debe enviarse? Escribe una hora de tu zona horaria ({ $zone }): 18:00, o { $example }, o in 2h (dentro de 2 horas).
bc-when-bad = No pude entender esa hora. Ejemplos: 18:00 · { $example } · in 30m · in 2h · in 3d (m = minutos, h = horas, d = días)
bc-when-range = Elige un momento futuro, dentro del próximo año.
bc-now = ahora
bc-segment-all = todo el grupo
bc-segment = { $field }: { $value }
bc-from = Mensaje de { $sender }:
bc-from-staff = el equipo de tu intercambio
bc-preview = Vista previa — para { $cohort }, { $segment }, { $when }.
    Lo recibirán: { $count }. Quedan fuera: { $consent } sin consentimiento para seguimiento, { $blocked } no localizables.
bc-preview-options = Botones de respuesta: { $options }
bc-format-problem = Problema de formato: { $problem }. Corrige el texto o desactiva el formato.
bc-nobody = Ninguna de estas personas puede recibirlo. Elige otros destinatarios.
bc-confirm = ✓ Enviar a { $count }
bc-confirm-schedule = ✓ Programar para { $count }
bc-options-add = + Botones de respuesta
bc-options-remove = − Botones de respuesta
bc-format-off = Formato: no
bc-format-on = Formato: sí (HTML)
bc-edit-text = Editar texto
bc-change-audience = Destinatarios
bc-scheduled = El mensaje #{ $id } está programado para { $when }. Aparece en /broadcasts; ahí puedes cancelarlo.
bc-status-sending = Mensaje #{ $id }: enviando { $sent }/{ $total }
    { $bar }
    No localizables por ahora: { $unreachable }
bc-status-done = El mensaje #{ $id } ya salió: { $sent } de { $total } entregados, { $unreachable } no localizables, { $failed } fallidos.
    No enviados: { $consent } sin consentimiento para seguimiento, { $blocked } que bloquearon el bot.
bc-status-format-refused = Telegram rechazó su formato, así que el resto no se envió. Corrígelo y vuelve a enviarlo.
bc-answer-thanks = Gracias. Tu respuesta: { $answer }
bc-list-title = Últimos mensajes:
bc-list-empty = Todavía no hay mensajes. /broadcast envía uno.
bc-line = { $when } · entregados { $sent }/{ $total } · pendientes { $pending } · no localizables { $unreachable } · fallidos { $failed }
bc-line-scheduled = programado para { $when }
bc-line-cancelled = cancelado (era para { $when })
bc-line-answers = Respuestas: { $answers }
bc-cancel-scheduled = Cancelar #{ $id }
bc-cancelled-scheduled = El mensaje #{ $id } quedó cancelado.
bc-status-uncertain = Inciertos: { $uncertain } — la conexión se cortó antes de que Telegram confirmara, así que puede que lo hayan recibido o no.
bc-line-uncertain = inciertos { $uncertain }
bc-resend-uncertain = Reenviar a los { $uncertain } inciertos
bc-resent = Reenviando el mensaje #{ $id } a { $count }, marcado como posible repetición.
bc-resend-none = Ya no queda nada incierto que reenviar del mensaje #{ $id }.
bc-cancel-ask = ¿Cancelar el mensaje #{ $id } para { $cohort } ({ $segment }), programado para { $when }? No se enviará.
bc-cancel-yes = Sí, cancelar #{ $id }
bc-cancel-keep = No, mantenerlo
bc-cancel-kept = El mensaje #{ $id } sigue programado para { $when }.

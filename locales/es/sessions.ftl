session-add-usage = Uso: /addsession <intercambio>
    Después te pregunto el título, el inicio, la duración, el formato y el idioma.
session-cancel = Cancelar
session-cancelled = Cancelado. No se guardó nada.
session-ask-title = ¿Cómo se llama la sesión? (de 3 a { $max } caracteres)
session-title-bad = Escribe un título de 3 a { $max } caracteres, por favor.
session-ask-start = ¿Cuándo empieza? Escribe la fecha y la hora en tu zona horaria ({ $zone }), por ejemplo 2026-03-04 18:00, o añade una zona: 2026-03-04 15:00 UTC · 2026-03-04 18:00 Africa/Nairobi · 2026-03-04 18:00 UTC+3
session-start-bad = No pude entender eso. Ejemplo: 2026-03-04 18:00, o 2026-03-04 15:00 UTC
session-start-past = Ese momento ya pasó (o está a más de dos años). Elige un momento futuro, por favor.
session-ask-length = ¿Cuánto dura?
session-minutes = { $minutes } min
session-length-bad = Elige una duración, o escribe los minutos, de 5 a 600.
session-ask-format = ¿Qué tipo de sesión es?
session-format-in_person = Presencial
session-format-stream = Transmisión
session-format-offline = Material offline
session-ask-place = ¿Dónde será? (hasta { $max } caracteres)
session-ask-link = ¿Cuál es el enlace de la transmisión? (empieza por https://)
session-place-bad = Escribe el lugar, por favor.
session-link-bad = Escribe un enlace que empiece por https:// o http://, por favor.
session-ask-language = ¿En qué idioma?
session-preview-head = Revisa la sesión, por favor:
session-conflicts = De { $total } participantes, a { $quiet } les caería dentro de sus horas de silencio y a { $night } de noche (00:00-06:00), según su hora local.
session-save = ✓ Guardar
session-change-start = Cambiar la hora
session-saved = La sesión #{ $id } está guardada. Quienes participan la ven con /sessions, en su propia zona horaria.
session-none = No hay sesiones próximas.
session-list-title = Próximas sesiones (horas en { $zone }):
session-attend = Asistiré a #{ $id }
session-leave = No asistiré a #{ $id }
session-calendar = Calendario #{ $id }
session-attending = Asistirás a "{ $title }". Te lo recordaré una hora antes.
session-not-attending = Ya no asistirás a "{ $title }".
session-ics-caption = "{ $title }", { $when }: abre este archivo para añadirla a tu calendario.
session-reminder = Dentro de una hora: "{ $title }", a las { $time } (tu hora local).
    { $where }
feedback-pacing = ¿Qué tal fue "{ $title }"? Tus respuestas ayudan a quienes facilitan.
    El ritmo, de 1 (demasiado lento o demasiado rápido) a 5 (el adecuado):
feedback-inclusivity = Inclusión: ¿pudo participar todo el mundo, de 1 (para nada) a 5 (plenamente)?
feedback-usefulness = Utilidad para tu trabajo, de 1 (nada útil) a 5 (muy útil):
feedback-text = ¿Algo más que deban saber quienes facilitan? Escríbelo (hasta { $max } caracteres) o salta este paso.
feedback-skip = Saltar
feedback-too-long = Tiene { $length } caracteres; que no pase de { $max }, por favor.
feedback-thanks = Gracias por tus comentarios.
feedback-usage = Uso: /feedback [número de sesión]
feedback-none = Todavía no hay comentarios para mostrar.
feedback-summary = #{ $id } { $title }: { $responses } respuestas ({ $attending } asistentes)
    ritmo { $pacing } · inclusión { $inclusivity } · utilidad { $usefulness } (promedio, 1-5)

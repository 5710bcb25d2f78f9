# The action brief: /plan, its commitments, and writing or changing one.
cmd-plan = Tu plan de acción: lo que harás después
plan-title = 📝 Tu plan de acción
plan-line = { $number }. { $what }
    Quién: { $who } · Para: { $due }
plan-empty = Todavía no hay nada. Anota lo que harás después del intercambio, un compromiso a la vez: qué, quién se encarga y para cuándo.
plan-closed = Cumplidos: { $done } · Descartados: { $dropped }
plan-add = + Añadir un compromiso
plan-item = { $what }

    Quién: { $who }
    Para: { $due }
plan-done = Cumplido ✓
plan-edit-what = Cambiar qué
plan-edit-who = Cambiar quién
plan-edit-due = Cambiar fecha
plan-drop = Descartar
plan-back = « Atrás
plan-cancel = Cancelar
plan-marked-done = Marcado como cumplido. ¡Bien hecho!
plan-marked-dropped = Quitado de tu plan.
plan-full = Tienes { $max } compromisos abiertos, el máximo que puedo guardar. Marca algunos como cumplidos o descártalos para añadir más.
plan-no-consent = Solo guardo tu plan de acción si me permites guardar tu avance. No lo has permitido, así que no muestro ni guardo ningún compromiso. Puedes cambiarlo con /consent.
plan-who-me = tú
plan-me = Yo
plan-due-late = { $date } (fecha pasada)
plan-ask-what = Nuevo compromiso, 1 de 3: ¿qué vas a hacer? Escríbelo en una o dos frases (hasta { $max } caracteres).
plan-change-what = Ahora: { $now }

    Envía el nuevo texto (hasta { $max } caracteres).
plan-what-short = Escribe unas palabras sobre lo que vas a hacer (al menos { $min } caracteres).
plan-what-long = Tiene { $length } caracteres y el límite es { $max }. Acórtalo y envíalo de nuevo.
plan-ask-who = 2 de 3: ¿quién se encarga? Toca "Yo" o escribe un rol de tu grupo, como "nuestro equipo de medios" (hasta { $max } caracteres).
plan-change-who = Ahora: { $now }

    Toca "Yo" o escribe quién se encarga, como "nuestro equipo de medios" (hasta { $max } caracteres).
plan-who-empty = Toca "Yo" o escribe quién se encarga.
plan-who-long = Tiene { $length } caracteres; usa como máximo { $max }, como "nuestro equipo de medios".
plan-ask-due = 3 de 3: ¿para cuándo? Toca una opción o escribe una fecha como { $example }.
plan-change-due = Ahora: { $now }

    Toca una opción o escribe una nueva fecha como { $example }.
plan-in-1w = En 1 semana
plan-in-2w = En 2 semanas
plan-in-1m = En 1 mes
plan-in-3m = En 3 meses
plan-due-bad = No pude leer esa fecha. Escríbela como año-mes-día, por ejemplo { $example }, o toca una opción.
plan-due-past = Esa fecha ya pasó. Elige hoy ({ $today }) o una fecha posterior.
plan-due-far = Eso es dentro de más de dos años. Elige una fecha hasta el { $latest }.
plan-saved = ✓ Guardado.
plan-added = ✓ Añadido a tu plan de acción.

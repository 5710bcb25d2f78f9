reports-none = —
reports-percent = { $percent } %
reports-days = { $days } d { $hours } h
reports-hours = { $hours } h { $minutes } min
reports-minutes = { $minutes } min
reports-no-exchange = Aún no hay intercambios. Empieza con /newexchange.
reports-report-usage = Uso: /report [grupo]
    Sin grupo: el tuyo.
reports-title = Informe: { $cohort }
    Nombre corto: { $handle }
reports-people = Participantes: { $count } ({ $untracked } sin itinerario)
reports-nobody = Nadie se ha unido aún a este grupo.
reports-no-tracks = Nadie ha elegido aún un itinerario.
reports-track = { $track }
    Inscritos: { $enrolled } · empezaron: { $started }
    Completaron: { $completed } ({ $rate })
    Tiempo mediano: { $median }
reports-stats-usage = Uso: /stats [intercambio]
    Sin intercambio: el que organizas.
reports-stats-title = Evaluación: { $exchange }
    Nombre corto: { $handle }
    Del { $start } al { $end }
    Miembros: { $count }
    participantes { $learners } · equipo { $staff }
reports-stats-training = Formación
    Módulos empezados: { $started }
    Módulos completados: { $completed } ({ $rate })
    Itinerario terminado: { $finished } de { $enrolled } ({ $track_rate })
reports-stats-skills = Cambio de habilidades ({ $people } personas),
    primera a última autoevaluación:
reports-stats-skill = { $skill }: { $change }
reports-stats-skills-none = Cambio de habilidades: nadie ha hecho aún la evaluación de necesidades dos veces.
reports-stats-incidents = Incidentes: { $count }, { $open } abiertos
    urgentes { $urgent } · graves { $high }
reports-stats-action-plans = Planes de acción: { $people } personas
    abiertos { $open } · hechos { $done } · descartados { $dropped }
reports-stats-checkins = Seguimientos +{ $days } d: { $answered }/{ $sent } ({ $rate })
    en pausa { $paused }
reports-stats-checkins-none = Seguimientos: aún no se ha enviado ninguno
reports-export-usage = Uso: /export [intercambio]
    Sin intercambio: el más reciente.
reports-export-needs-key = Para exportar hace falta una clave de seudónimos: define PSEUDONYM_KEY y reinicia el bot. No se ha exportado nada.
reports-export-caption = Exportación seudonimizada de { $exchange }: { $people } personas. Progreso y autoevaluaciones de { $progress }, reflexiones de { $reflections }, según sus consentimientos.

stats-chart-button = Gráfico (≈ { $size } KB)
stats-chart-caption = { $exchange }: rutas completadas, respuestas a cada ronda de seguimiento y habilidades autoevaluadas antes y después.
stats-chart-empty = Todavía no hay nada que dibujar: nadie ha elegido ruta, no se ha enviado ningún seguimiento ni hay una segunda evaluación.
stats-chart-tracks = Ruta completada (% de quienes la eligieron)
stats-chart-rounds = Seguimientos respondidos (% de los enviados)
stats-chart-skills = Habilidades autoevaluadas (1-5)
stats-chart-before = primera
stats-chart-after = última
stats-chart-nothing = nada todavía

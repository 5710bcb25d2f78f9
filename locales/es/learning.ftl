learn-tracks = Rutas de aprendizaje. Elige una para ver sus módulos.
learn-track = { $track }: sus módulos. ✓ terminado, ▶ empezado.
learn-all-tracks = Todas las rutas
learn-card-head = { $title } · { $number }/{ $total }
learn-in-english = (en inglés)
learn-next = Siguiente ▶
learn-finish = Terminar ✓
learn-right = ✅ Correcto.
learn-not-quite = ❌ No del todo.
learn-skip = Saltar ▶
learn-reflect-hint = Responde (hasta { $max } caracteres) o salta.
learn-reflection-kept = Tu reflexión quedó guardada.
learn-no-consent = Las rutas y los módulos guardan en qué punto vas y tus respuestas, así que necesitan tu permiso para guardar tu avance, y no lo has dado. No guardo nada de tu aprendizaje. Puedes darlo con el botón de abajo (o en /consent), o leer los módulos sin que se guarde nada: /offline.
learn-module-done = Terminaste "{ $title }".
learn-well-done = Módulo completado.
learn-already-answered = Ya respondiste esta pregunta.
learn-module-gone = Ese módulo ya no está disponible. Aquí tienes las rutas.
learn-nothing-to-continue = No tienes ningún módulo en curso.
progress-title = Tu avance
progress-track = { $track }
    { $bar } { $percent }% · módulos terminados: { $done }/{ $total }
offline-choose-track = Lectura sin conexión: elige una ruta. Recibes texto simple que puedes leer sin conexión.
offline-choose = { $track }: elige un módulo o la ruta completa. El tamaño es lo que descargas.
offline-whole-track = Ruta completa ({ $size })
offline-caption = { $title }: para leer sin conexión.
offline-sent = Enviado.
offline-quiz = Cuestionario
offline-correct = (correcta)
offline-scenario = Ejercicio de escenario
offline-step = Paso
offline-debrief = Análisis final
offline-go-to = ir a
offline-reflection = Reflexión
learn-back = « Atrás
learn-try-again = Intentar de nuevo ↻
learn-tries-left = { $left ->
    [one] Te queda un intento más.
   *[other] Te quedan { $left } intentos más.
}
learn-score = Aciertos al primer intento: { $right }/{ $total }.
learn-next-module = Siguiente: { $title }
learn-all-done = Has terminado todos los módulos.
learn-suggest = Lo siguiente en "{ $track }": { $title }.
learn-track-label = { $track } · { $done }/{ $total }
learn-tracks-star = ★ la que te sugiere la evaluación de necesidades.
typed-number-ask = Escribiste «{ $number }». ¿Es tu respuesta?
typed-number-keep = Sí, guardarla

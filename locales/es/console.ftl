# The terminal chat (`exchange-bot chat`).
console-intro = Chat de terminal con exchange-bot. Escribe un mensaje o un /comando; escribe el número de un botón para pulsarlo. Ctrl-D para salir.
console-demo-created = Aquí no hace falta invitación: creé el intercambio de prueba "{ $exchange }" y te agregué.
console-document-saved = Archivo guardado: { $path }
console-edited = (actualizado)

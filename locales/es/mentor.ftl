# Mentoría: ofertas y pedidos, la conversación a través del bot, y el emparejamiento.
mt-title = Mentoría
mt-intro = Alguien con más experiencia puede acompañar a alguien que empieza, de persona a persona. Se escriben a través de mí: nadie ve el nombre ni la cuenta de Telegram de la otra persona, salvo que las dos decidan compartirla.
mt-has-mentor = Tienes una mentora o un mentor (desde el { $date }).
mt-has-mentee = Acompañas a alguien, pareja { $pair } (desde el { $date }).
mt-asking = Pediste mentoría. Una persona facilitadora te emparejará pronto.
mt-offering = Ofreciste ser mentora o mentor. Una persona facilitadora te emparejará pronto.
mt-offer-locked = Podrás ofrecer mentoría cuando tu evaluación de necesidades (/assessment) muestre 3 años o más organizando, o de 1 a 3 años y una habilidad que valores con 4 o 5.
mt-ask = Pedir mentoría
mt-offer = Ofrecer mentoría
mt-withdraw-ask = Retirar mi pedido
mt-withdraw-offer = Retirar mi oferta
mt-ask-done = Gracias. Tu pedido está hecho.
mt-offer-done = Gracias por ofrecer tu tiempo.
mt-ask-withdrawn = Retiraste tu pedido.
mt-offer-withdrawn = Retiraste tu oferta.
mt-write-mentor = ✉️ Escribir a tu mentor/a
mt-write-mentee = ✉️ Escribir a quien acompañas
mt-write-mentee-pair = ✉️ Quien acompañas, pareja { $pair }
mt-menu = Volver al menú
mt-cancel = Cancelar
mt-back-to-talk = Volver a la conversación

# La conversación
mt-talk-mentor = Todo lo que escribas ahora le llega a tu mentor/a, sin tu nombre ni tu cuenta. /menu o el botón de abajo te sacan de la conversación (la mentoría sigue).
mt-talk-mentee = Todo lo que escribas ahora le llega a quien acompañas, sin tu nombre ni tu cuenta. /menu o el botón de abajo te sacan de la conversación (la mentoría sigue).
mt-from-mentor = Tu mentor/a:
mt-from-mentee = Quien acompañas:
mt-from-mentee-pair = Quien acompañas (pareja { $pair }):
mt-answer = Responder
mt-type-reply = Escribe tu respuesta aquí abajo.
mt-sent-mentor = Enviado a tu mentor/a.
mt-sent-mentee = Enviado a quien acompañas.
mt-sent-later = Donde está es horario de descanso, así que le llega a las { $time }, su hora.
mt-too-long = Son { $length } caracteres, y puedo pasar hasta { $max } cada vez. No envié nada, y tu texto sigue arriba en el chat: envíalo en partes más cortas, por favor.
mt-unreachable-mentor = Tu mentor/a no puede recibir mensajes ahora, así que no envié nada.
mt-unreachable-mentee = Quien acompañas no puede recibir mensajes ahora, así que no envié nada.
mt-ended = Esta mentoría terminó, así que no envié eso.
mt-ended-already = Esta mentoría terminó.

# Compartir cuentas de Telegram
mt-reveal = Compartir mi cuenta de Telegram
mt-reveal-undo = No compartir mi cuenta
mt-reveal-ask-mentor = ¿Compartir tu cuenta de Telegram con tu mentor/a? Solo la recibe si decide compartir la suya también, y entonces tú recibes la suya. Cuando las dos personas la compartan, no se puede deshacer.
mt-reveal-ask-mentee = ¿Compartir tu cuenta de Telegram con quien acompañas? Solo la recibe si decide compartir la suya también, y entonces tú recibes la suya. Cuando las dos personas la compartan, no se puede deshacer.
mt-reveal-yes = Sí, compartir
mt-reveal-waiting-mentor = Estás lista o listo para compartir tu cuenta. Tu mentor/a solo la recibe si también decide compartir.
mt-reveal-waiting-mentee = Estás lista o listo para compartir tu cuenta. Quien acompañas solo la recibe si también decide compartir.
mt-reveal-offered-mentor = Tu mentor/a quiere que compartan sus cuentas de Telegram. Si tú también quieres, elige "Compartir mi cuenta de Telegram".
mt-reveal-offered-mentee = Quien acompañas quiere que compartan sus cuentas de Telegram. Si tú también quieres, elige "Compartir mi cuenta de Telegram".
mt-revealed = Las dos personas decidieron compartir su cuenta de Telegram.
mt-revealed-by-mentor = Tu mentor/a también decidió compartir: ahora pueden escribirse directamente en Telegram.
mt-revealed-by-mentee = Quien acompañas también decidió compartir: ahora pueden escribirse directamente en Telegram.
mt-link-mentor = Abrir la cuenta de Telegram de tu mentor/a
mt-link-mentee = Abrir la cuenta de Telegram de quien acompañas

# Terminar y reportar
mt-end = Terminar la mentoría
mt-end-ask = ¿Terminar esta mentoría? Ya no podrán escribirse por aquí.
mt-end-yes = Sí, terminarla
mt-ended-you = La mentoría terminó. Gracias por el tiempo que se dieron.
mt-ended-by-mentor = Tu mentor/a terminó la mentoría. Gracias por el tiempo que se dieron. Puedes pedir otra mentoría con /mentor.
mt-ended-by-mentee = Quien acompañabas terminó la mentoría. Gracias por el tiempo que diste.
mt-report = Reportar un problema
mt-report-ask = ¿Avisar a la persona facilitadora de la semana y a la coordinación de que algo va mal en esta mentoría? Verán el número de la pareja y que lo reportaste tú, nunca tus mensajes.
mt-report-yes = Sí, avisarles
mt-report-done = Gracias por contárnoslo. La persona facilitadora de la semana y la coordinación ya lo saben, y pueden escribirte. También puedes terminar la mentoría cuando quieras.
mt-report-nobody = No encontré a nadie a quien avisar en tu intercambio. Por favor, contacta a la coordinación por otra vía, y termina la mentoría si quieres.
mt-alert-by-mentor = Reporte de mentoría: quien mentorea en la pareja { $pair } ({ $cohort }) reportó un problema. Es la persona participante { $person }. Los mensajes nunca se guardan, así que no hay nada que leer.
mt-alert-by-mentee = Reporte de mentoría: la persona acompañada en la pareja { $pair } ({ $cohort }) reportó un problema. Es la persona participante { $person }. Los mensajes nunca se guardan, así que no hay nada que leer.
mt-alert-write = Escribir a quien hizo el reporte

# Emparejar, para facilitación y coordinación
mt-person = #{ $id } ({ $language }, { $zone }, { $track })
mt-board-title = Mentoría en { $cohort }: { $offers ->
    [one] 1 oferta
   *[other] { $offers } ofertas
} y { $asks ->
    [one] 1 pedido
   *[other] { $asks } pedidos
} en espera.
mt-board-empty = Nadie ha ofrecido ni pedido mentoría todavía. Se hace con /mentor.
mt-board-pair = { $number }. Participante { $mentor } podría acompañar a participante { $mentee }. { $reasons }
mt-why-language = Hablan el mismo idioma.
mt-why-languages-differ = Hablan idiomas distintos.
mt-why-track = Siguen la misma ruta.
mt-why-overlap = { $hours ->
    [0] Nunca están despiertos a la misma hora.
    [one] Están despiertos a la vez 1 hora al día.
   *[other] Están despiertos a la vez { $hours } horas al día.
}
mt-board-start = ✓ Iniciar { $number }
mt-board-skip = ✗ Omitir { $number }
mt-board-more = { $count ->
    [one] Hay 1 propuesta más: aparece
   *[other] Hay { $count } propuestas más: aparecen
} cuando inicies u omitas estas.
mt-board-waiting-offers = Ofertas sin propuesta: { $people }
mt-board-waiting-asks = Pedidos sin propuesta: { $people }
mt-board-by-hand = Emparejar a mano
mt-pick-mentor = ¿Quién acompaña?
mt-pick-mentee = ¿A quién acompaña #{ $mentor }?
mt-board-proposed = Tu pareja está arriba: iníciala para avisar a las dos personas.
mt-board-started = Pareja { $pair } iniciada: #{ $mentor } acompaña a #{ $mentee }. Las dos personas ya lo saben.
mt-board-skipped = Omitida. No volveré a proponer a esas dos personas juntas.
mt-board-gone = Esa pareja ya no puede empezar: una de las personas se retiró o ya fue emparejada.
mt-started-mentor = ¡Ya eres mentor/a! Escribe a quien acompañas a través de mí. No ve tu nombre ni tu cuenta de Telegram, salvo que las dos personas decidan compartirla.
mt-started-mentee = ¡Ya tienes mentor/a! Escríbele a través de mí. No ve tu nombre ni tu cuenta de Telegram, salvo que las dos personas decidan compartirla.
mt-no-track = aún sin ruta

incident-intro = Avisar de un incidente de seguridad. Antes de escribir: los chats de Telegram con bots no tienen cifrado de extremo a extremo. Lo que escribas aquí se guarda cifrado y llega a las personas de contacto de seguridad de tu intercambio; puedes avisar de forma anónima. Si alguien está en peligro ahora mismo, contacta primero con las personas que pueden ayudar en el lugar.
incident-ask-what = ¿Qué ocurrió? (entre 10 y { $max } caracteres; no incluyas nombres que no haga falta dar)
incident-what-bad = Por favor, descríbelo en un texto de entre 10 y { $max } caracteres (el tuyo tenía { $length }).
incident-ask-when = ¿Cuándo ocurrió?
incident-when-today = Hoy
incident-when-yesterday = Ayer
incident-when-week = Esta semana
incident-when-earlier = Antes
incident-ask-where = ¿Dónde, más o menos? Basta con una ciudad o un tipo de lugar (hasta { $max } caracteres). O salta este paso.
incident-skip = Saltar
incident-ask-severity = ¿Qué gravedad tiene?
incident-severity-low = Baja
incident-severity-medium = Media
incident-severity-high = Alta
incident-severity-urgent = Urgente
incident-ask-who = ¿Quieres que las personas de contacto de seguridad sepan que eres tú (para poder contactarte), o prefieres avisar de forma anónima?
incident-named = Con mi nombre
incident-anonymous = De forma anónima
incident-check = Revisa tu aviso, por favor:
    Qué: { $what }
    Cuándo: { $when } · Dónde: { $where }
    Gravedad: { $severity } · { $who }
incident-send = Enviar el aviso
incident-cancel = Cancelar
incident-cancelled = Cancelado. No se guardó nada.
incident-by-anonymous = Aviso anónimo.
incident-by-named = Escribir a la persona que avisó
incident-notice = Incidente de seguridad #{ $id } ({ $severity })
    Cuándo: { $when } · Dónde: { $where }
    { $what }
    { $who }
incident-ack = Acusar recibo
incident-handled = Marcar como atendido
incident-status = Aviso #{ $id }: { $status }
incident-status-open = abierto
incident-status-acknowledged = recibido
incident-status-handled = atendido
incident-sent = El aviso #{ $id } llegó a { $count ->
    [one] una persona
   *[other] { $count } personas
} que pueden actuar. Gracias por contarlo.
incident-sent-nobody = El aviso #{ $id } está guardado, pero ahora mismo no hay nadie de seguridad a quien el bot pueda avisar. Se entregará en cuanto alguien esté disponible, y te lo diremos. Si tú u otra persona están en peligro ahora:
    { $emergency }
incident-urgent-note = Si alguien está en peligro ahora mismo: { $emergency }
incident-emergency-default = llama a los servicios de emergencia locales o a personas de confianza que estén cerca. (Tu intercambio todavía no ha escrito sus propias indicaciones de emergencia.)
incident-escalated = Nadie confirmó este aviso en { $minutes } minutos, así que ahora te llega también a ti.
incident-reporter-acknowledged = Tu aviso #{ $id } fue recibido: una persona de seguridad ya lo tiene.
incident-reporter-handled = Tu aviso #{ $id } se marcó como atendido. Si para ti no ha terminado, vuelve a avisar con /incident.
incident-reporter-delivered = Tu aviso #{ $id } ya llegó a { $count ->
    [one] una persona
   *[other] { $count } personas
} que pueden actuar.
incidents-title = Avisos de incidentes, primero los abiertos. Toca uno para abrirlo:
incidents-none = No hay avisos de incidentes.
incident-row = #{ $id } · { $severity } · { $status } · { $exchange } · { $date }
incident-detail = <b>Incidente #{ $id }</b> · { $exchange }
    Gravedad: { $severity } · Estado: { $status }
    Avisado: { $reported } · Ocurrió: { $when }
    Dónde: { $where }
    Qué: { $what }
    { $who }
incident-detail-note = Nota privada ({ $date }): { $note }
incident-note = Escribir una nota privada
incident-back = Volver a la lista
incident-ask-note = Escribe una nota privada corta para el equipo de seguridad (hasta { $max } caracteres). Solo la ven las personas de seguridad y de coordinación; reemplaza la nota anterior.
incident-note-saved = Nota guardada.
incident-escalated-unreached = No se pudo llegar a las personas que debían recibir este aviso, así que te llega a ti.

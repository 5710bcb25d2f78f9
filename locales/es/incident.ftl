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
incident-sent = El aviso #{ $id } se envió a { $count ->
    [one] { $count } persona de contacto de seguridad
   *[other] { $count } personas de contacto de seguridad
}. Gracias por contarlo.
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
incidents-none = No hay avisos de incidentes abiertos.
incidents-title = Avisos de incidentes abiertos (los más recientes primero):

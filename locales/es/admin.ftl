admin-only = Lo siento, solo las personas que coordinan pueden usar ese comando.
staff-only = Lo siento, solo las personas que facilitan o coordinan pueden usar ese comando.
not-your-cohort = Lo siento, solo puedes hacer eso con tu propio grupo.
cohort-needed = Indica el grupo, por ejemplo: /report nairobi-2026
cohort-unknown = No conozco ese grupo. /cohorts muestra la lista.
exchange-unknown = No conozco ese intercambio. Usa el nombre corto que te dio /newexchange.
newexchange-usage = Uso: /newexchange <nombre> <inicio YYYY-MM-DD> <fin YYYY-MM-DD>
    Ejemplo: /newexchange Intercambio Nairobi 2026-03-02 2026-03-06
newexchange-bad-date = Escribe las fechas como YYYY-MM-DD, por ejemplo 2026-03-02.
newexchange-end-before-start = La fecha de fin es anterior a la fecha de inicio.
newexchange-done = Intercambio creado: { $name } (del { $start } al { $end }). Su nombre corto es { $slug } y su primer grupo es { $cohort }.
    Siguiente paso: /invite { $slug }
newcohort-usage = Uso: /newcohort <intercambio> <nombre del grupo>
    Ejemplo: /newcohort nairobi-2026 Jóvenes organizadores
newcohort-exists = Ese intercambio ya tiene un grupo con ese nombre.
newcohort-done = Grupo { $cohort } añadido a { $exchange }. Su nombre corto es { $slug }.
    Siguiente paso: /invite { $slug }  (o /invite { $slug } facilitator)
cohorts-title = Grupos (nombre corto · nombre):
cohorts-none = Todavía no hay grupos. Empieza con /newexchange.
invite-usage = Uso: /invite <grupo> [facilitator]
invite-done = Invitación para { $cohort } ({ $exchange }), como { $role }:
    Código: { $code }
    Enlace: { $link }
invite-done-local = Invitación para { $cohort } ({ $exchange }), como { $role }:
    Código: { $code }
    Para unirte aquí, escribe: /start { $code }
codes-usage = Uso: /codes <grupo>
codes-title = Códigos de invitación de { $cohort }:
codes-none = { $cohort } todavía no tiene códigos de invitación.
code-live = activo
code-revoked = anulado
code-uses = { $uses ->
    [one] 1 uso
   *[other] { $uses } usos
}
revoke-usage = Uso: /revoke <código>
revoke-done = El código { $code } quedó anulado: ya nadie nuevo puede unirse con él.
revoke-unknown = No hay ningún código activo así.
role-usage = Uso: /role <id de Telegram> <participant|facilitator|coordinator|safety>
role-unknown-person = Nadie con ese id de Telegram se ha unido todavía. Mejor envíale una invitación.
role-done = { $user } ahora tiene el rol { $role }.
alias-usage = Uso: /alias <el nombre que verá tu grupo> (como máximo { $max } caracteres)
alias-done = Tu grupo te verá como: { $alias }
facilitator-unnamed = persona facilitadora { $number }
rotate-no-facilitators = { $cohort } todavía no tiene personas facilitadoras. Invita a una con /invite <grupo> facilitator.
rotate-done = Facilitación de la semana en { $cohort }: { $name }. Personas avisadas: { $count }.
rotate-notice = Esta semana, quien facilita tu grupo es { $name }.
audit-title = Últimas acciones de administración, las más recientes primero (horas en { $zone }):
audit-empty = Todavía no hay acciones de administración.
emergency-ask = ¿Qué debe hacer una persona en una emergencia si no se puede avisar a nadie de seguridad? Por ejemplo, números de emergencia locales o una línea de apoyo legal (hasta { $max } caracteres). Quien avisa lo ve cuando nadie puede recibir su aviso, y con cada aviso urgente. Escríbelo ahora, o más tarde con /emergency { $slug } <texto>.
emergency-later = Más tarde
emergency-not-set = Aún no hay indicaciones de emergencia. Escríbelas con /emergency { $slug } <texto>.
emergency-saved = Indicaciones de emergencia guardadas para { $exchange }.
emergency-usage = Uso: /emergency <intercambio> <texto> (hasta { $max } caracteres), o /emergency <intercambio> para leerlas.
emergency-current = Indicaciones de emergencia de { $exchange }: { $text }
emergency-none = (todavía ninguna)
safety-warning-none = ⚠ { $exchange } no tiene ninguna persona de seguridad a la que el bot pueda avisar: los avisos de incidentes van a { $fallback }. Da el rol a alguien con /role <id de Telegram> safety.
safety-fallback-coordinators = su equipo de coordinación
safety-fallback-admins = las personas que administran el bot
safety-fallback-nobody = nadie: quien avise solo vería las indicaciones de emergencia
newexchange-similar = Ya hay un intercambio así: { $name } ({ $slug }, del { $start } al { $end }). Uno nuevo dividiría en dos a su gente y sus cifras. Para trabajar con él, usa su nombre corto: /invite { $slug }
newexchange-anyway = Crear «{ $name }» de todos modos
newexchange-keep-one = No crearlo
newexchange-not-made = No se creó nada. /cohorts muestra los intercambios que hay.
invite-role-unknown = Una invitación puede hacer a alguien participante o facilitador, no «{ $role }». Por ejemplo: /invite { $cohort } facilitator. Quienes coordinan y las personas de contacto de seguridad reciben su rol con /role una vez que se han unido.
role-self-ask = Estás a punto de dejar de coordinar y pasar a ser { $role }. Perderías al instante todos los comandos de coordinación, y solo otra persona coordinadora podría devolvértelos. ¿Sigues adelante?
role-self-yes = Sí, hazme { $role }
role-self-keep = No, sigo coordinando
role-self-kept = No cambió nada: sigues coordinando.

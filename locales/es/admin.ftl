admin-only = Lo siento, solo las personas que coordinan pueden usar ese comando.
newexchange-usage = Uso: /newexchange <nombre> <inicio YYYY-MM-DD> <fin YYYY-MM-DD>
    Ejemplo: /newexchange Intercambio Nairobi 2026-03-02 2026-03-06
newexchange-bad-date = Escribe las fechas como YYYY-MM-DD, por ejemplo 2026-03-02.
newexchange-end-before-start = La fecha de fin es anterior a la fecha de inicio.
newexchange-done = Intercambio creado: { $name } (del { $start } al { $end }). Su nombre corto es { $slug } y su primer grupo es { $cohort }.
    Siguiente paso: /invite { $slug }
invite-usage = Uso: /invite <intercambio>
invite-unknown-exchange = No conozco ese intercambio. Usa el nombre corto que te dio /newexchange.
invite-done = Invitación para { $cohort } ({ $exchange }):
    Código: { $code }
    Enlace: { $link }
invite-done-local = Invitación para { $cohort } ({ $exchange }):
    Código: { $code }
    Para unirte aquí, escribe: /start { $code }
audit-title = Últimas acciones de administración (las más recientes primero):
audit-empty = Todavía no hay acciones de administración.

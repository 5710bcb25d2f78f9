admin-only = Sorry, only coordinators can use that command.
newexchange-usage = Usage: /newexchange <name> <start YYYY-MM-DD> <end YYYY-MM-DD>
    Example: /newexchange Nairobi Exchange 2026-03-02 2026-03-06
newexchange-bad-date = Please give the dates as YYYY-MM-DD, for example 2026-03-02.
newexchange-end-before-start = The end date is before the start date.
newexchange-done = Exchange created: { $name } ({ $start } to { $end }). Its handle is { $slug }, and its first cohort is { $cohort }.
    Next: /invite { $slug }
invite-usage = Usage: /invite <exchange>
invite-unknown-exchange = I don't know that exchange. Use the handle /newexchange gave you.
invite-done = Invite for { $cohort } ({ $exchange }):
    Code: { $code }
    Link: { $link }
invite-done-local = Invite for { $cohort } ({ $exchange }):
    Code: { $code }
    To join here, type: /start { $code }
audit-title = Latest admin actions (newest first):
audit-empty = No admin actions yet.

admin-only = Sorry, only coordinators can use that command.
staff-only = Sorry, only facilitators and coordinators can use that command.
not-your-cohort = Sorry, you can only do that for your own cohort.
cohort-needed = Please name the cohort, for example: /report nairobi-2026
cohort-unknown = I don't know that cohort. /cohorts lists them.
exchange-unknown = I don't know that exchange. Use the handle /newexchange gave you.
newexchange-usage = Usage: /newexchange <name> <start YYYY-MM-DD> <end YYYY-MM-DD>
    Example: /newexchange Nairobi Exchange 2026-03-02 2026-03-06
newexchange-bad-date = Please give the dates as YYYY-MM-DD, for example 2026-03-02.
newexchange-end-before-start = The end date is before the start date.
newexchange-done = Exchange created: { $name } ({ $start } to { $end }). Its handle is { $slug }, and its first cohort is { $cohort }.
    Next: /invite { $slug }
newcohort-usage = Usage: /newcohort <exchange> <cohort name>
    Example: /newcohort nairobi-2026 Youth organisers
newcohort-exists = That exchange already has a cohort with that name.
newcohort-done = Cohort { $cohort } added to { $exchange }. Its handle is { $slug }.
    Next: /invite { $slug }  (or /invite { $slug } facilitator)
cohorts-title = Cohorts (handle · name):
cohorts-none = No cohorts yet. Start with /newexchange.
invite-usage = Usage: /invite <cohort> [facilitator]
invite-done = Invite for { $cohort } ({ $exchange }), as { $role }:
    Code: { $code }
    Link: { $link }
invite-done-local = Invite for { $cohort } ({ $exchange }), as { $role }:
    Code: { $code }
    To join here, type: /start { $code }
codes-usage = Usage: /codes <cohort>
codes-title = Invite codes of { $cohort }:
codes-none = { $cohort } has no invite codes yet.
code-live = live
code-revoked = revoked
code-uses = { $uses ->
    [one] 1 use
   *[other] { $uses } uses
}
revoke-usage = Usage: /revoke <code>
revoke-done = Code { $code } is revoked: nobody new can join with it.
revoke-unknown = There is no live code like that.
role-usage = Usage: /role <Telegram id> <participant|facilitator|coordinator|safety>
role-unknown-person = Nobody with that Telegram id has joined yet. Send them an invite instead.
role-done = { $user } is now a { $role }.
alias-usage = Usage: /alias <the name your cohort will see> (at most { $max } characters)
alias-done = Your cohort will see you as: { $alias }
facilitator-unnamed = facilitator { $number }
rotate-no-facilitators = { $cohort } has no facilitators yet. Invite one with /invite <cohort> facilitator.
rotate-done = Facilitator of the week for { $cohort }: { $name }. { $count ->
    [one] Telling 1 person.
   *[other] Telling { $count } people.
}
rotate-notice = This week's facilitator for your cohort is { $name }.
audit-title = Latest admin actions, newest first (times in { $zone }):
audit-empty = No admin actions yet.
emergency-ask = What should a person do in an emergency when no safety contact can be reached? For example local emergency numbers or a legal hotline (up to { $max } characters). A reporter sees it when nobody can take their report, and with every urgent report. Type it now, or later with /emergency { $slug } <text>.
emergency-later = Later
emergency-not-set = No emergency advice yet. Write it with /emergency { $slug } <text>.
emergency-saved = Emergency advice saved for { $exchange }.
emergency-usage = Usage: /emergency <exchange> <text> (up to { $max } characters), or /emergency <exchange> to read it.
emergency-current = Emergency advice for { $exchange }: { $text }
emergency-none = (none yet)
safety-warning-none = ⚠ { $exchange } has no safety contact the bot can reach: incident reports go to { $fallback }. Give someone the role with /role <Telegram id> safety.
safety-fallback-coordinators = its coordinators
safety-fallback-admins = the bot's administrators
safety-fallback-nobody = nobody: reporters would only see the emergency advice
newexchange-similar = There is already an exchange like that: { $name } ({ $slug }, { $start } to { $end }). A second one would split its people and its figures in two. To work with it, use its handle: /invite { $slug }
newexchange-anyway = Make “{ $name }” anyway
newexchange-keep-one = Don't make it
newexchange-not-made = Nothing was made. /cohorts lists the exchanges there are.
invite-role-unknown = An invite can make someone a participant or a facilitator, not “{ $role }”. For example: /invite { $cohort } facilitator. Coordinators and safety contacts get their role with /role once they have joined.
role-self-ask = You are about to stop being a coordinator yourself and become a { $role }. You would lose every coordinator command at once, and only another coordinator could give it back. Go ahead?
role-self-yes = Yes, make me a { $role }
role-self-keep = No, I stay a coordinator
role-self-kept = Nothing changed: you are still a coordinator.

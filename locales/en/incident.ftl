incident-intro = Report a safety incident. Before you write: Telegram chats with bots are not end-to-end encrypted. What you write here is stored encrypted and goes to your exchange's safety contacts; you can report anonymously. If someone is in danger right now, contact the people who can help on the spot first.
incident-ask-what = What happened? (10 to { $max } characters; leave out names you don't need to give)
incident-what-bad = Please describe it in 10 to { $max } characters (this was { $length }).
incident-ask-when = When did it happen?
incident-when-today = Today
incident-when-yesterday = Yesterday
incident-when-week = This week
incident-when-earlier = Earlier
incident-ask-where = Where, roughly? A city or a kind of place is enough (up to { $max } characters). Or skip.
incident-skip = Skip
incident-ask-severity = How serious is it?
incident-severity-low = Low
incident-severity-medium = Medium
incident-severity-high = High
incident-severity-urgent = Urgent
incident-ask-who = Should the safety contacts know it is you (so they can reach you), or report anonymously?
incident-named = With my name
incident-anonymous = Anonymously
incident-check = Please check your report:
    What: { $what }
    When: { $when } · Where: { $where }
    Severity: { $severity } · { $who }
incident-send = Send the report
incident-cancel = Cancel
incident-cancelled = Cancelled. Nothing was kept.
incident-by-anonymous = Reported anonymously.
incident-by-named = Write to the person who reported it
incident-notice = Safety incident #{ $id } ({ $severity })
    When: { $when } · Where: { $where }
    { $what }
    { $who }
incident-ack = Acknowledge
incident-handled = Mark handled
incident-status = Report #{ $id }: { $status }
incident-status-open = open
incident-status-acknowledged = acknowledged
incident-status-handled = handled
incident-sent = Report #{ $id } has reached { $count ->
    [one] one person
   *[other] { $count } people
} who can act on it. Thank you for speaking up.
incident-sent-nobody = Report #{ $id } is saved, but right now nobody who handles safety can be reached through this bot. It will be delivered the moment someone can be, and you will be told. If you or someone else is in danger now:
    { $emergency }
incident-urgent-note = If someone is in danger right now: { $emergency }
incident-emergency-default = contact local emergency services or people you trust on the spot. (Your exchange has not written its own emergency advice yet.)
incident-escalated = Nobody acknowledged this report within { $minutes } minutes, so it now comes to you too.
incident-reporter-acknowledged = Your report #{ $id } has been acknowledged: someone who handles safety has it.
incident-reporter-handled = Your report #{ $id } has been marked handled. If it is not over for you, report again with /incident.
incident-reporter-delivered = Your report #{ $id } has now reached { $count ->
    [one] one person
   *[other] { $count } people
} who can act on it.
incidents-title = Incident reports, open ones first. Tap one to open it:
incidents-none = No incident reports.
incident-row = #{ $id } · { $severity } · { $status } · { $exchange } · { $date }
incident-detail = <b>Incident #{ $id }</b> · { $exchange }
    Severity: { $severity } · Status: { $status }
    Reported: { $reported } · Happened: { $when }
    Where: { $where }
    What: { $what }
    { $who }
incident-detail-note = Private note ({ $date }): { $note }
incident-note = Write a private note
incident-back = Back to the list
incident-ask-note = Write a short private note for the safety desk (up to { $max } characters). Only safety contacts and coordinators see it; it replaces the earlier note.
incident-note-saved = Note saved.
incident-escalated-unreached = The people who should have received this report could not be reached, so it comes to you.

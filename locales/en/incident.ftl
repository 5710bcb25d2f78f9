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
incident-sent = Report #{ $id } has gone to { $count } safety contact(s). Thank you for speaking up.
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
incidents-none = No open incident reports.
incidents-title = Open incident reports (newest first):

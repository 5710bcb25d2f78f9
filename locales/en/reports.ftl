reports-none = —
reports-percent = { $percent }%
reports-days = { $days }d { $hours }h
reports-hours = { $hours }h { $minutes }m
reports-minutes = { $minutes }m
reports-no-exchange = No exchanges yet. Start with /newexchange.
reports-report-usage = Usage: /report [cohort]
    Without a cohort: your own.
reports-title = Report: { $cohort }
    Handle: { $handle }
reports-people = Participants: { $count } ({ $untracked } no track)
reports-nobody = Nobody has joined this cohort yet.
reports-no-tracks = Nobody has chosen a track yet.
reports-track = { $track }
    Enrolled: { $enrolled } · started: { $started }
    Completed: { $completed } ({ $rate })
    Median time: { $median }
reports-stats-usage = Usage: /stats [exchange]
    Without an exchange: the one you run.
reports-stats-title = Evaluation: { $exchange }
    Handle: { $handle }
    { $start } to { $end }
    Members: { $count }
    participants { $learners } · staff { $staff }
reports-stats-training = Training
    Modules started: { $started }
    Modules completed: { $completed } ({ $rate })
    Track finished: { $finished } of { $enrolled } ({ $track_rate })
reports-stats-skills = Skill change ({ $people } people),
    first to latest self-rating:
reports-stats-skill = { $skill }: { $change }
reports-stats-skills-none = Skill change: nobody has taken the needs assessment twice yet.
reports-stats-incidents = Incidents: { $count }, { $open } open
    urgent { $urgent } · high { $high }
reports-stats-action-plans = Action plans: { $people } people
    open { $open } · done { $done } · dropped { $dropped }
reports-stats-checkins = Check-ins +{ $days } d: { $answered }/{ $sent } ({ $rate })
    paused { $paused }
reports-stats-checkins-none = Check-ins: none sent yet
reports-export-usage = Usage: /export [exchange]
    Without an exchange: the newest.
reports-export-needs-key = Exports need a pseudonym key: set PSEUDONYM_KEY and restart the bot. Nothing was exported.
reports-export-caption = Pseudonymised export of { $exchange }: { $people } people. Progress and self-ratings of { $progress }, reflections of { $reflections }, as their consents allow.

stats-chart-button = Chart (≈ { $size } KB)
stats-chart-caption = { $exchange }: completion by track, check-in answers by round, self-rated skills before and after.
stats-chart-empty = Nothing to draw yet: no track chosen, no check-in sent, no second assessment.
stats-chart-tracks = Track completed (% of those who chose it)
stats-chart-rounds = Check-ins answered (% of those sent)
stats-chart-skills = Self-rated skills (1-5)
stats-chart-before = first
stats-chart-after = latest
stats-chart-nothing = nothing yet

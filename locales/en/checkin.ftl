nudge-plan-offer = { $exchange } ends today. Before the energy fades, write down what you will do next: your action brief takes five minutes.
nudge-plan-button = My action brief
checkin-invite = It has been { $days } days since { $exchange }. Time for your coaching-circle check-in: a few taps, two minutes.
checkin-start = Start the check-in
checkin-reminder = Your coaching-circle check-in is still open. Two minutes, whenever you are ready.
checkin-already = You have answered this check-in already. Thank you!
checkin-commitment = Commitment { $number } of { $total }: { $what } (by { $due })
    How is it going?
checkin-done = Done ✓
checkin-progress = In progress
checkin-blocked = Blocked
checkin-note = Add a short note if you like (up to { $max } characters), or skip.
checkin-skip = Skip
checkin-note-too-long = That note is { $length } characters; please keep it under { $max }.
checkin-note-kept = Noted.
checkin-circle-ask = Would you like your coaching circle to help with it? Your facilitator of the week will see this commitment and get a link to write to you.
checkin-circle-yes = Yes, please
checkin-circle-no = No, thanks
checkin-circle-told = Your facilitator of the week has been told. They will get in touch.
checkin-circle-nobody = Your cohort has no facilitator to tell yet. Your coordinator can help.
checkin-circle-notice = Someone in { $cohort } asks the coaching circle for help with a blocked commitment:
    { $what } (by { $due })
    Their note: { $note }
    { $link }
checkin-circle-write = Write to them
checkin-wellbeing = And you? How are you doing, from 1 (worn out) to 5 (full of energy)?
checkin-thanks = Thank you for checking in.
checkin-care = That sounds heavy. Rest is part of the work: your coaching circle is there for you, and /pause gives you a break from reminders.
checkin-rate-again = One last thing: rate your skills again, so the exchange can see what changed for you.
checkin-digest = Check-in round +{ $days } days, { $cohort }:
    Answered: { $answered } of { $sent } ({ $rate }%). Paused: { $paused }.
    Commitments: done { $done } · in progress { $progress } · blocked { $blocked }
    Wellbeing (1-5): { $wellbeing }
checkin-digest-notes = Notes shared with the cohort:
nudge-deadline-tomorrow = A reminder: "{ $what }" is due tomorrow. How is it going?
nudge-deadline-today = A reminder: "{ $what }" is due today. How is it going?
nudge-module = Your module "{ $module }" is waiting where you left it.
nudge-module-button = Continue
pause-usage = Usage: /pause <days>, from 1 to { $max }. No reminders or check-ins until then.
pause-done = Paused until { $date }: no reminders or check-ins. /resume to restart sooner.
resume-done = Welcome back. Reminders and check-ins are on again.
resume-not-paused = Nothing was paused: reminders and check-ins are on.
checkins-usage = Usage: /checkins <exchange> <days after the end, comma-separated>
    Example: /checkins nairobi-exchange 7,30,90,365
checkins-done = Check-ins for { $exchange }: { $days } days after its end.
checkins-current = Check-ins for { $exchange } go out { $days } days after its end ({ $end }): on { $dates }.
    To change them: /checkins { $slug } 7,30,90,365

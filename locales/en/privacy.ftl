privacy-nothing = The bot stores nothing about you.
privacy-summary-title = What the bot stores about you:
privacy-summary-line = • { $kind }: { $count }
privacy-summary-line-kept = • { $kind }: { $count } (kept only while you allow “{ $consent }”)
privacy-summary-footer = Tap below for all of it as one file. The file holds everything in plain text, your own words included: keep it safe, and delete it from this chat when you no longer need it. /forget erases it all.
privacy-download = Send me all of it as a file
privacy-file-caption = Everything the bot stores about you (JSON).
privacy-file-sent = File sent.
privacy-kind-participants = Your profile (fields filled in)
privacy-kind-consent_events = Consent decisions, with their history
privacy-kind-module_progress = Modules started
privacy-kind-card_results = Quiz and scenario answers
privacy-kind-reflections = Reflections
privacy-kind-assessments = Needs assessments
privacy-kind-commitments = Commitments in your plan
privacy-kind-checkins = Check-ins
privacy-kind-checkin_answers = Check-in answers about your commitments
privacy-kind-mentorship_requests = Mentoring offers and requests
privacy-kind-pairings = Mentoring pairings
privacy-kind-library_submissions = Stories proposed for the library
privacy-kind-session_attendance = Sessions you signed up for
privacy-kind-session_feedback = Session feedback
privacy-kind-incidents = Incident reports you made with your name
privacy-kind-stories = Stories
privacy-kind-broadcast_answers = Answers to prompts
privacy-kind-outbox = Messages queued or sent to you
privacy-kind-audit_log = Staff actions you took
privacy-kind-broadcasts = Prompts you sent
privacy-kind-invite_codes = Invite codes you made
privacy-kind-exchanges = Exchanges you created
privacy-kind-live_sessions = Live sessions you created
privacy-kind-cohorts = Cohorts where you are facilitator of the week
privacy-forget-warning =
    Erase everything the bot stores about you?

    Your profile, consent choices, learning progress, reflections, plan, check-ins, stories, mentoring pairings, session sign-ups and feedback, answers to prompts and queued messages are all deleted. This cannot be undone, and you would need a new invite to join again.

    Incident reports you made stay with the safety team, as anonymous reports. Prompts you sent to a cohort stay with it, without your name.

    Want a copy first? Use /mydata before you confirm.
privacy-forget-yes = Yes, erase everything
privacy-forget-no = No, keep my data
privacy-forget-kept = Nothing was erased.
privacy-forget-expired = That confirmation has expired and nothing was erased. Send /forget again if you still want it.
privacy-forgotten = Done: everything the bot stored about you has been erased. To the bot you are a stranger now. Take care.
privacy-pairing-ended = Your mentoring pairing has ended: the other person has left. Thank you for the time you gave each other. /mentor shows your choices.
privacy-withdrawn-progress =
    Deleted at once, because you withdrew this consent:
    modules started: { $modules }
    quiz and scenario answers: { $quiz }
    reflections: { $reflections }
    commitments: { $commitments } (with { $answers } check-in answers)
    notes on needs assessments: { $notes }
    Tracks, modules and your plan stay closed until you allow it again; /offline still works.
privacy-withdrawn-stories = Deleted at once, because you withdrew this consent: your stories ({ $stories }).
privacy-withdrawn-followup = No follow-ups will be sent to you. Cancelled before sending: { $messages }.

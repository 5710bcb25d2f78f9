privacy-nothing = The bot stores nothing about you.
privacy-summary-title = What the bot stores about you:
privacy-summary-line = • { $kind }: { $count }
privacy-summary-line-kept = • { $kind }: { $count } (kept only while you allow “{ $consent }”)
privacy-summary-footer = Tap below for all of it in two files: one to read, in your language, and the same as data (JSON) for other tools. They hold everything in plain text, your own words included: keep them safe, and delete them from this chat when you no longer need them. /forget erases it all.
privacy-download = Send me all of it as files
privacy-file-sent = Files sent.
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

privacy-file-caption-text = Everything the bot stores about you, to read.
privacy-file-caption-json = The same as data (JSON), for other tools; "_about" explains each key.
privacy-text-title = Everything the bot stores about you, as of { $when } (times in { $zone })
privacy-text-intro = Each section is one kind of record. Empty fields and the bot's own bookkeeping are left out here; the .json file holds every field.
privacy-about-format = Times are ISO 8601 in UTC; dates are YYYY-MM-DD; quiet hours are HH:MM in your own time zone. Text you wrote is shown as you wrote it.
privacy-about-reference = The number of a related record (used by the bot; meaningless on its own)
privacy-about-bookkeeping = How the bot keeps track of its own work (where a conversation stands, delivery attempts)
privacy-value-yes = yes
privacy-value-no = no
privacy-field-acknowledged_at = Acknowledged by the safety team
privacy-field-action = Action
privacy-field-alias = Name your cohort sees
privacy-field-answered_at = Answered
privacy-field-answers = Answers
privacy-field-blocked_at = The bot could no longer reach you
privacy-field-buttons = Buttons
privacy-field-card_id = Card
privacy-field-checkin_offsets = Check-in days after the exchange
privacy-field-choice_id = Choice
privacy-field-circle_requested = Asked the facilitator for help
privacy-field-closed_at = Closed
privacy-field-coc_accepted_at = Code of conduct accepted
privacy-field-code = Code
privacy-field-completed_at = Completed
privacy-field-correct = Correct
privacy-field-created_at = Created
privacy-field-current_module = Module in progress
privacy-field-decided_at = Decided
privacy-field-due_on = Due
privacy-field-emergency_text = Emergency advice
privacy-field-ended_at = Ended
privacy-field-ends_on = Ends
privacy-field-format = Format
privacy-field-granted = Allowed
privacy-field-handled_at = Handled by the safety team
privacy-field-happened = When it happened
privacy-field-inclusivity = Inclusivity (1-5)
privacy-field-kind = Kind
privacy-field-language = Language
privacy-field-mentee_reveals = Mentee shows their Telegram account
privacy-field-mentor_reveals = Mentor shows their Telegram account
privacy-field-minutes = Minutes
privacy-field-module_id = Module
privacy-field-name = Name
privacy-field-note = Note
privacy-field-noted_at = Note written
privacy-field-offset_days = Days after the exchange
privacy-field-onboarded_at = Set-up finished
privacy-field-option = Option chosen
privacy-field-options = Options
privacy-field-outcome = Outcome
privacy-field-pacing = Pacing (1-5)
privacy-field-paused_until = Reminders paused until
privacy-field-place = Place
privacy-field-policy_version = Privacy notice version
privacy-field-purpose = Consent
privacy-field-quiet_end = Quiet hours end
privacy-field-quiet_start = Quiet hours start
privacy-field-recommended_track = Recommended track
privacy-field-region = Region
privacy-field-reminded_at = Reminded
privacy-field-revoked_at = Revoked
privacy-field-role = Role
privacy-field-segment = Sent to
privacy-field-send_at = Sending time
privacy-field-sent_at = Sent
privacy-field-severity = Severity
privacy-field-skipped_blocked = Not sent (unreachable)
privacy-field-skipped_consent = Not sent (no consent)
privacy-field-slug = Handle
privacy-field-started_at = Started
privacy-field-starts_at = Starts
privacy-field-starts_on = Starts
privacy-field-status = Status
privacy-field-step_data = Half-written drafts
privacy-field-step_id = Step
privacy-field-target = About
privacy-field-telegram_id = Telegram id
privacy-field-text = Text
privacy-field-timezone = Time zone
privacy-field-title = Title
privacy-field-total = Recipients
privacy-field-track_id = Track
privacy-field-updated_at = Last changed
privacy-field-usefulness = Usefulness (1-5)
privacy-field-uses = Times used
privacy-field-wellbeing = Wellbeing (1-5)
privacy-field-what = What
privacy-field-where = Where
privacy-field-who = Who is responsible

menu-title = Main menu. What would you like to do?
menu-learn = Learning
menu-consent = My consent
menu-language = Language
menu-profile = Time zone & quiet hours
menu-help = Help
menu-finish-setup = Let's finish setting you up first.
help-text = I help you take part in your training exchange.
    /start: continue where you stopped
    /menu: main menu
    /tracks: learning tracks and modules
    /continue: continue learning where you stopped
    /progress: your progress
    /assessment: the needs assessment
    /offline: modules to read without a connection
    /plan: your action brief: what you will do after the exchange
    /pause <days> · /resume: a break from reminders and check-ins
    /sessions: live sessions, in your time · /library · /glossary <word>
    /submit: share a story or an after-action review with the library
    /mentor: mentorship · /story · /stories: stories of your cohort
    /incident: report a safety incident (anonymously if you wish)
    /mydata: what I keep about you · /forget: erase it all
    /language: change language
    /consent: see or change your consent choices
    /help: this message
help-staff-intro = I help you run training exchanges. Your commands:
help-coordinator = As a coordinator:
    /newexchange <name> <start> <end> · /newcohort · /cohorts: exchanges and their cohorts
    /invite <cohort> [facilitator] · /codes · /revoke: invite codes
    /role <Telegram id> <role>: give or remove a role
    /broadcast · /schedule · /broadcasts: prompts to any cohort, now or later
    /report: completion per track · /rotate: facilitator of the week · /alias <name>: your name
    /pair: pair mentors and mentees · /submit <Telegram id>: a participant's story for the library
    /addsession <exchange>: a live session · /feedback: what people said about sessions
    /checkins <exchange>: check-in days · /emergency <exchange>: emergency advice
    /stats · /export: evaluation figures, a pseudonymised export · /audit: the audit log
    /submissions: stories waiting for approval · /incidents: the safety desk
help-facilitator = As a facilitator of your cohort:
    /broadcast · /schedule · /broadcasts: prompts to your cohort, now or later
    /report: completion per track · /rotate: facilitator of the week · /alias <name>: the name your cohort sees
    /pair: pair mentors and mentees · /submit <Telegram id>: a participant's story for the library
    /feedback: what people said about live sessions
help-safety = As a safety contact:
    /incidents: the safety desk: reports, acknowledging them, marking them handled, private notes
help-staff-general = For everyone: /glossary <word> · /mydata · /forget · /help
    To take part in a cohort yourself, join with an invite: /start <code>

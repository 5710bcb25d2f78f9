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
    /mentor: mentorship · /story · /stories: stories of your cohort
    /incident: report a safety incident (anonymously if you wish)
    /mydata: what I keep about you · /forget: erase it all
    /language: change language
    /consent: see or change your consent choices
    /help: this message

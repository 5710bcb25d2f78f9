# Shared words and the bot's command list.
language-name = English
cmd-start = Start or continue where you stopped
cmd-menu = Main menu
cmd-continue = Continue learning where you stopped
cmd-tracks = Learning tracks and modules
cmd-progress = Your learning progress
cmd-assessment = Take the needs assessment again
cmd-offline = Download modules to read offline
cmd-help = What I can do
cmd-language = Change language
cmd-consent = See or change your consent choices

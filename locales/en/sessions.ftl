session-add-usage = Usage: /addsession <exchange>
    I then ask for the title, the start, the length, the format and the language.
session-cancel = Cancel
session-cancelled = Cancelled. Nothing was saved.
session-ask-title = What is the session called? (3 to { $max } characters)
session-title-bad = Please give a title of 3 to { $max } characters.
session-ask-start = When does it start? Type the date and time in your time zone ({ $zone }), e.g. 2026-03-04 18:00, or add a zone: 2026-03-04 15:00 UTC · 2026-03-04 18:00 Africa/Nairobi · 2026-03-04 18:00 UTC+3
session-start-bad = I could not read that. Example: 2026-03-04 18:00, or 2026-03-04 15:00 UTC
session-start-past = That moment has passed (or is more than two years ahead). Please choose a future time.
session-ask-length = How long is it?
session-minutes = { $minutes } min
session-length-bad = Please choose a length, or type minutes from 5 to 600.
session-ask-format = What kind of session?
session-format-in_person = In person
session-format-stream = Live stream
session-format-offline = Offline pack
session-ask-place = Where does it take place? (up to { $max } characters)
session-ask-link = What is the link to the stream? (starting with https://)
session-place-bad = Please type the place.
session-link-bad = Please type a link that starts with https:// or http://
session-ask-language = In which language?
session-preview-head = Please check the session:
session-conflicts = Of { $total } participants, { $quiet } would have it inside their quiet hours and { $night } at night (00:00-06:00) where they live.
session-save = ✓ Save
session-change-start = Change the time
session-saved = Session #{ $id } is saved. Participants see it with /sessions, in their own time zone.
session-none = No sessions coming up.
session-list-title = Coming up (times in { $zone }):
session-attend = I'll attend #{ $id }
session-leave = Not attending #{ $id }
session-calendar = Calendar #{ $id }
session-attending = You're attending "{ $title }". I'll remind you an hour before.
session-not-attending = You're no longer attending "{ $title }".
session-ics-caption = "{ $title }", { $when }: open this file to add it to your calendar.
session-reminder = In an hour: "{ $title }" at { $time } your time.
    { $where }
feedback-pacing = How was "{ $title }"? Your answers help the facilitators.
    The pacing, from 1 (far too slow or too fast) to 5 (just right):
feedback-inclusivity = Inclusivity: could everyone take part, from 1 (not at all) to 5 (fully)?
feedback-usefulness = Usefulness for your work, from 1 (not useful) to 5 (very useful):
feedback-text = Anything else the facilitators should know? Type it (up to { $max } characters), or skip.
feedback-skip = Skip
feedback-too-long = That is { $length } characters; please keep it under { $max }.
feedback-thanks = Thank you for your feedback.
feedback-usage = Usage: /feedback [session number]
feedback-none = No feedback to show yet.
feedback-summary = #{ $id } { $title }: { $responses } answers ({ $attending } attending)
    pacing { $pacing } · inclusivity { $inclusivity } · usefulness { $usefulness } (average, 1-5)

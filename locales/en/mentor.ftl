# Mentoring: offers and asks, the conversation through the bot, and pairing by staff.
mt-title = Mentoring
mt-intro = Someone with more experience can guide someone newer, one to one. You write to each other through me: neither of you sees the other's name or Telegram account unless you both choose to share it.
mt-has-mentor = You have a mentor (since { $date }).
mt-has-mentee = You mentor someone, pair { $pair } (since { $date }).
mt-asking = You asked for a mentor. A facilitator will pair you soon.
mt-offering = You offered to mentor. A facilitator will pair you soon.
mt-offer-locked = Offering to mentor opens when your needs assessment (/assessment) shows 3 or more years of organising, or 1 to 3 years and a skill you rate 4 or 5.
mt-ask = Ask for a mentor
mt-offer = Offer to mentor
mt-withdraw-ask = Withdraw my request
mt-withdraw-offer = Withdraw my offer
mt-ask-done = Thank you. Your request is in.
mt-offer-done = Thank you for offering your time.
mt-ask-withdrawn = Your request is withdrawn.
mt-offer-withdrawn = Your offer is withdrawn.
mt-write-mentor = ✉️ Write to your mentor
mt-write-mentee = ✉️ Write to your mentee
mt-write-mentee-pair = ✉️ Your mentee, pair { $pair }
mt-menu = Back to the menu
mt-cancel = Cancel
mt-back-to-talk = Back to the conversation

# The conversation
mt-talk-mentor = Everything you type now goes to your mentor, without your name or account. /menu or the button below leaves the conversation (the pairing goes on).
mt-talk-mentee = Everything you type now goes to your mentee, without your name or account. /menu or the button below leaves the conversation (the pairing goes on).
mt-from-mentor = Your mentor:
mt-from-mentee = Your mentee:
mt-from-mentee-pair = Your mentee (pair { $pair }):
mt-answer = Reply
mt-type-reply = Type your reply below.
mt-sent-mentor = Sent to your mentor.
mt-sent-mentee = Sent to your mentee.
mt-sent-later = It is quiet hours where they are, so it arrives at { $time } their time.
mt-too-long = That is { $length } characters, and I can pass on up to { $max } at a time. I sent nothing, and your text is still in the chat above: please send it in shorter parts.
mt-unreachable-mentor = Your mentor can't receive messages right now, so I sent nothing.
mt-unreachable-mentee = Your mentee can't receive messages right now, so I sent nothing.
mt-ended = This mentoring pairing has ended, so I didn't send that.
mt-ended-already = This mentoring pairing has ended.

# Sharing Telegram accounts
mt-reveal = Share my Telegram account
mt-reveal-undo = Don't share my account
mt-reveal-ask-mentor = Share your Telegram account with your mentor? They get it only if they choose to share theirs too, and then you get theirs. Once you have both shared, it can't be taken back.
mt-reveal-ask-mentee = Share your Telegram account with your mentee? They get it only if they choose to share theirs too, and then you get theirs. Once you have both shared, it can't be taken back.
mt-reveal-yes = Yes, share
mt-reveal-waiting-mentor = You are ready to share your account. Your mentor gets it only if they choose to share too.
mt-reveal-waiting-mentee = You are ready to share your account. Your mentee gets it only if they choose to share too.
mt-reveal-offered-mentor = Your mentor would like to share Telegram accounts. If you'd like that too, choose "Share my Telegram account".
mt-reveal-offered-mentee = Your mentee would like to share Telegram accounts. If you'd like that too, choose "Share my Telegram account".
mt-revealed = You both chose to share your Telegram accounts.
mt-revealed-by-mentor = Your mentor chose to share too: you can now reach each other on Telegram directly.
mt-revealed-by-mentee = Your mentee chose to share too: you can now reach each other on Telegram directly.
mt-link-mentor = Open your mentor's Telegram account
mt-link-mentee = Open your mentee's Telegram account

# Ending and reporting
mt-end = End the pairing
mt-end-ask = End this mentoring pairing? You won't be able to write to each other here any more.
mt-end-yes = Yes, end it
mt-ended-you = The pairing has ended. Thank you for the time you gave each other.
mt-ended-by-mentor = Your mentor has ended the mentoring pairing. Thank you for the time you gave each other. You can ask for a new mentor with /mentor.
mt-ended-by-mentee = Your mentee has ended the mentoring pairing. Thank you for the time you gave.
mt-report = Report a problem
mt-report-ask = Tell the facilitator of the week and the coordinators that something is wrong in this pairing? They see the pairing's number and that you reported it, never your messages.
mt-report-yes = Yes, tell them
mt-report-done = Thank you for telling us. The facilitator of the week and the coordinators know now, and may write to you. You can also end the pairing at any time.
mt-report-nobody = I found nobody to tell in your exchange. Please reach a coordinator another way, and end the pairing if you want to.
mt-alert-by-mentor = Mentoring report: the mentor in pair { $pair } ({ $cohort }) reported a problem. They are participant { $person }. Messages are never stored, so there is nothing to read.
mt-alert-by-mentee = Mentoring report: the mentee in pair { $pair } ({ $cohort }) reported a problem. They are participant { $person }. Messages are never stored, so there is nothing to read.
mt-alert-write = Write to the person who reported

# Pairing, for facilitators and coordinators
mt-person = #{ $id } ({ $language }, { $zone }, { $track })
mt-board-title = Mentoring in { $cohort }: { $offers ->
    [one] 1 offer
   *[other] { $offers } offers
} and { $asks ->
    [one] 1 ask
   *[other] { $asks } asks
} waiting.
mt-board-empty = Nobody has offered or asked yet. Participants do that with /mentor.
mt-board-pair = { $number }. Participant { $mentor } could mentor participant { $mentee }. { $reasons }
mt-why-language = They speak the same language.
mt-why-languages-differ = They speak different languages.
mt-why-track = They follow the same track.
mt-why-overlap = { $hours ->
    [0] They are never awake at the same time.
    [one] They are awake at the same time for 1 hour a day.
   *[other] They are awake at the same time for { $hours } hours a day.
}
mt-board-start = ✓ Start { $number }
mt-board-skip = ✗ Skip { $number }
mt-board-more = { $count ->
    [one] One more proposal comes
   *[other] { $count } more proposals come
} once these are started or skipped.
mt-board-waiting-offers = Offers without a proposal: { $people }
mt-board-waiting-asks = Asks without a proposal: { $people }
mt-board-by-hand = Pair by hand
mt-pick-mentor = Who mentors?
mt-pick-mentee = Who does #{ $mentor } mentor?
mt-board-proposed = Your pair is at the top: start it to tell both.
mt-board-started = Pair { $pair } started: #{ $mentor } mentors #{ $mentee }. Both have been told.
mt-board-skipped = Skipped. I won't propose those two together again.
mt-board-gone = That pair can't start any more: one of them withdrew or was paired meanwhile.
mt-started-mentor = You are now a mentor! Write to your mentee through me. They don't see your name or Telegram account unless you both choose to share.
mt-started-mentee = You have a mentor now! Write to them through me. They don't see your name or Telegram account unless you both choose to share.
mt-no-track = no track yet

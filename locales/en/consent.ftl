consent-question = Consent { $number } of { $total }: { $question }

    { $reason }
consent-yes = Yes
consent-no = No
consent-saved = Saved.
consent-progress = May I store your learning progress?
consent-progress-why = So you can continue where you stopped, I keep where you are in each module, your quiz and scenario answers, your reflections, your action plan with its check-in answers, the note on your needs assessment and what you write about live sessions. Without it I keep none of these: tracks, modules and the plan stay closed, but /offline still sends you modules to read. If you withdraw it later, all of it is deleted at once. (Your needs assessment answers are kept either way.)
consent-progress-short = store my progress
consent-stories = May I share your stories and reflections with your cohort?
consent-stories-why = Only your own cohort sees them; you can withdraw a story at any time.
consent-stories-short = share my stories with my cohort
consent-followup = May we contact you for follow-ups after the exchange?
consent-followup-why = Check-ins help turn what you learnt into action; you can pause them.
consent-followup-short = contact me for follow-ups
consent-media = May you be recorded or photographed at events?
consent-media-why = Organisers will keep you out of photos and recordings if you say no.
consent-media-short = record or photograph me
consent-overview-title = Your consent choices. Tap a button to change one.
consent-state-yes = ✅ { $question } Yes.
consent-state-no = ❌ { $question } No.
consent-state-unset = ⬜ { $question } Not answered yet.
consent-withdraw = Withdraw: { $question }
consent-give = Allow: { $question }
consent-overview-footer = Consent policy { $version }. Changes take effect at once.
consent-toast-given = Consent given.
consent-toast-withdrawn = Consent withdrawn.
privacy-notice = Before you answer: Telegram chats with bots are not end-to-end encrypted. I keep only what you agree to here, what you write is stored encrypted, /mydata shows all I keep about you, and /forget erases it.

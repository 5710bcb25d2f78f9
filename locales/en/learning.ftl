learn-tracks = Learning tracks. Pick one to see its modules.
learn-track = { $track }: its modules. ✓ done, ▶ started.
learn-all-tracks = All tracks
learn-card-head = { $title } · { $number }/{ $total }
learn-in-english = (English)
learn-next = Next ▶
learn-finish = Finish ✓
learn-right = ✅ Right.
learn-not-quite = ❌ Not quite.
learn-skip = Skip ▶
learn-reflect-hint = Reply (up to { $max } characters) or skip.
learn-reflection-kept = Your reflection is saved.
learn-no-consent = Tracks and modules keep where you are and your answers, so they need your permission to store your progress, and you have not given it. Nothing about your learning is kept. Allow it with the button below (or in /consent), or read modules without anything being kept: /offline.
learn-module-done = You finished "{ $title }".
learn-well-done = Module complete.
learn-already-answered = You already answered this one.
learn-module-gone = That module is no longer available. Here are the tracks.
learn-nothing-to-continue = You have no module in progress.
progress-title = Your progress
progress-track = { $track }
    { $bar } { $percent }% · modules finished: { $done }/{ $total }
offline-choose-track = Offline reading: pick a track. You get plain text you can read without a connection.
offline-choose = { $track }: pick a module or the whole track. The size is what you download.
offline-whole-track = Whole track ({ $size })
offline-caption = { $title }: for reading offline.
offline-sent = Sent.
offline-quiz = Quiz
offline-correct = (correct)
offline-scenario = Scenario drill
offline-step = Step
offline-debrief = Debrief
offline-go-to = go to
offline-reflection = Reflection
learn-back = « Back
learn-try-again = Try again ↻
learn-tries-left = { $left ->
    [one] You have one more try.
   *[other] You have { $left } more tries.
}
learn-score = Quizzes right first time: { $right }/{ $total }.
learn-next-module = Next: { $title }
learn-all-done = You have finished every module.
learn-suggest = Next in "{ $track }": { $title }.
learn-track-label = { $track } · { $done }/{ $total }
learn-tracks-star = ★ suggested for you by the needs assessment.
typed-number-ask = You typed “{ $number }”. Did you mean it as your answer?
typed-number-keep = Keep it

# The action brief: /plan, its commitments, and writing or changing one.
cmd-plan = Your action brief: what you will do next
plan-title = 📝 Your action brief
plan-line = { $number }. { $what }
    Who: { $who } · By: { $due }
plan-empty = Nothing here yet. Write down what you will do after the exchange, one commitment at a time: what, who is responsible, and by when.
plan-closed = Done: { $done } · Dropped: { $dropped }
plan-add = + Add a commitment
plan-item = { $what }

    Who: { $who }
    By: { $due }
plan-done = Done ✓
plan-edit-what = Edit what
plan-edit-who = Edit who
plan-edit-due = Edit date
plan-drop = Drop
plan-back = « Back
plan-cancel = Cancel
plan-marked-done = Marked done. Well done!
plan-marked-dropped = Dropped from your plan.
plan-full = You have { $max } open commitments, the most I can keep. Mark some done or drop them to add more.
plan-no-consent = I keep your action brief only if you allow me to store your progress. You have not allowed that, so I don't show or keep any commitments. You can change it with /consent.
plan-who-me = you
plan-me = Me
plan-due-late = { $date } (date passed)
plan-ask-what = New commitment, 1 of 3: what will you do? Write it in a sentence or two (up to { $max } characters).
plan-change-what = Now: { $now }

    Send the new wording (up to { $max } characters).
plan-what-short = Please write a few words about what you will do (at least { $min } characters).
plan-what-long = That is { $length } characters; the limit is { $max }. Please shorten it and send it again.
plan-ask-who = 2 of 3: who is responsible? Tap "Me", or type a role in your group, like "our media team" (up to { $max } characters).
plan-change-who = Now: { $now }

    Tap "Me", or type who is responsible, like "our media team" (up to { $max } characters).
plan-who-empty = Please tap "Me" or type who is responsible.
plan-who-long = That is { $length } characters; please keep it to { $max }, like "our media team".
plan-ask-due = 3 of 3: by when? Tap a choice, or type a date like { $example }.
plan-change-due = Now: { $now }

    Tap a choice, or type a new date like { $example }.
plan-in-1w = In 1 week
plan-in-2w = In 2 weeks
plan-in-1m = In 1 month
plan-in-3m = In 3 months
plan-due-bad = I couldn't read that date. Please type it as year-month-day, like { $example }, or tap a choice.
plan-due-past = That date has passed. Please choose today ({ $today }) or later.
plan-due-far = That is more than two years away. Please choose a date up to { $latest }.
plan-saved = ✓ Saved.
plan-added = ✓ Added to your action brief.

"""Keys of drafts kept in a person's step data that more than one feature must know: a plan
being written belongs to the plan, and withdrawing the progress consent deletes it."""

from __future__ import annotations

PLAN = "plan"  # also the button key that opens the plan from anywhere

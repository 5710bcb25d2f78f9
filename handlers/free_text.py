"""Free-text steps whose only button is Skip (a reflection, the assessment's note, a check-in
note): a bare number typed there is more likely a button pressed by its number (the terminal
chat and Matrix's numbered lists work that way) than an answer, so it is not kept until the
person says it is their answer. Each step puts the number into its own Keep button, with what
it needs to tell a press on an old question from one on the question now."""

from __future__ import annotations

import re

from bot.core import Button, Kind, Outcome, Reply
from handlers import buttons
from handlers.context import Ctx
from handlers.guards import Matching

BARE_NUMBER = re.compile(r"\d{1,3}")
TYPED_NUMBER = Matching(BARE_NUMBER)  # a Keep button's number, as a route's argument


def bare_number(ctx: Ctx) -> str | None:
    """The number the person typed, when a typed message is nothing else."""
    typed = ctx.inbound.text.strip()
    if ctx.inbound.kind is Kind.TEXT and BARE_NUMBER.fullmatch(typed):
        return typed
    return None


def is_number(value: str) -> bool:
    """Whether a Keep button's data holds a number, as every Keep button we send does."""
    return BARE_NUMBER.fullmatch(value) is not None


def ask_about_number(ctx: Ctx, number: str, keep: tuple[str, ...], skip: Button) -> Outcome:
    """'Did you mean "1" as your answer?' with Keep it (``keep``: key and arguments of the
    step's own button, the number last) and the step's Skip."""
    keep_button = buttons.button(ctx.t("typed-number-keep"), *keep)
    return Outcome((Reply(ctx.t("typed-number-ask", number=number), ((keep_button, skip),)),))

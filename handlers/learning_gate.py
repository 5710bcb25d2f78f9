"""The "store my progress" gate of learning: tracks, modules and the card player keep where a
person stands and what they answered, so each way in needs that consent, and without it
explains so, with one button to give it (``/offline`` keeps nothing and stays open)."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Concatenate, ParamSpec

from bot.core import Kind, Outcome, Reply
from handlers import buttons
from handlers.consent import current_decision
from handlers.context import Ctx
from handlers.menu import MENU_STEP

LEARN_STEP = "learn"
CONSENT = "progress"

P = ParamSpec("P")


def no_consent_reply(ctx: Ctx, *, edit: bool) -> Reply:
    label = ctx.t("consent-give", question=ctx.t(f"consent-{CONSENT}-short"))
    return Reply(ctx.t("learn-no-consent"), ((buttons.button(label, "cset", CONSENT, "y"),),),
                 edit=edit)


def needs_consent(handler: Callable[Concatenate[Ctx, P], Awaitable[Outcome]]
                  ) -> Callable[Concatenate[Ctx, P], Awaitable[Outcome]]:
    """Runs ``handler`` only while the person lets us store their progress; otherwise the
    explanation, in place of a pressed card."""

    @functools.wraps(handler)
    async def guarded(ctx: Ctx, /, *args: P.args, **kwargs: P.kwargs) -> Outcome:
        if await current_decision(ctx, CONSENT):
            return await handler(ctx, *args, **kwargs)
        if ctx.me.step == LEARN_STEP:
            ctx.go(MENU_STEP)
        return Outcome((no_consent_reply(ctx, edit=ctx.inbound.kind is Kind.BUTTON),))

    return guarded

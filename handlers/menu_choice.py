"""What each button of the main menu opens: the one place the menu reaches into the
features (they import :mod:`handlers.menu` for the menu itself, never this)."""

from __future__ import annotations

from bot.core import Outcome, Reply
from handlers.consent import overview
from handlers.context import Ctx
from handlers.guards import Choice, onboarded
from handlers.learning import tracks_command
from handlers.menu import MENU_ITEMS, help_text
from handlers.onboarding import language_keyboard
from handlers.profile import REGION_STEP
from handlers.router import Router

router = Router()


@router.button("menu", step=onboarded, args=(Choice(*MENU_ITEMS),))
async def menu_button(ctx: Ctx, item: str) -> Outcome:
    if item == "consent":
        return Outcome((await overview(ctx, edit=False),))
    if item == "language":
        return Outcome((Reply(ctx.t("language-choose"), language_keyboard(ctx)),))
    if item == "learn":
        return await tracks_command(ctx)
    if item == "profile":
        ctx.go(REGION_STEP)
        return Outcome(tuple(await ctx.current_prompt()))
    return Outcome((Reply(help_text(ctx)),))

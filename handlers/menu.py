"""The main menu, ``/menu`` and ``/help``.

``/help`` lists what this person may use: the participant's commands once they are in a
cohort, then a block per staff role they hold (a coordinator from ``ADMIN_IDS`` counts even
before they have a row of their own).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.core import Outcome, Reply
from handlers import buttons, roles
from handlers.context import Ctx
from handlers.guards import onboarded
from handlers.router import Router

MENU_STEP = "menu"
MENU_ITEMS = ("learn", "consent", "language", "profile", "help")

router = Router()


def main_menu(ctx: Ctx, *, edit: bool = False) -> Reply:
    keyboard = buttons.rows(
        (buttons.button(ctx.t(f"menu-{item}"), "menu", item) for item in MENU_ITEMS), per_row=2)
    return Reply(ctx.t("menu-title"), keyboard, edit=edit)


@router.prompt(MENU_STEP)
async def menu_prompt(ctx: Ctx) -> Sequence[Reply]:
    if ctx.participant is None:
        return [Reply(ctx.t("join-how"))]
    return [main_menu(ctx)]


@router.command("menu", step=onboarded)
async def menu_command(ctx: Ctx) -> Outcome:
    ctx.go(MENU_STEP)  # leaving a module is fine: /continue brings them back
    return Outcome((main_menu(ctx),))


def help_text(ctx: Ctx) -> str:
    """Every command this person may use, by role; nothing they would be refused."""
    person = ctx.participant
    coordinator, facilitator = roles.is_coordinator(ctx), roles.is_facilitator(ctx)
    safety = person is not None and person.role == roles.SAFETY
    staff = coordinator or facilitator or safety
    in_cohort = person is not None and person.cohort_id is not None
    if not in_cohort and not staff:
        return ctx.t("help-text") + "\n\n" + ctx.t("join-how")
    blocks = [ctx.t("help-text")] if in_cohort else [ctx.t("help-staff-intro")]
    if coordinator:
        blocks.append(ctx.t("help-coordinator"))
    elif facilitator:
        blocks.append(ctx.t("help-facilitator"))
    if safety:
        blocks.append(ctx.t("help-safety"))
    if not in_cohort:  # staff of no cohort: what anyone may use, and how to take part
        blocks.append(ctx.t("help-staff-general"))
    return "\n\n".join(blocks)


@router.command("help", public=True)
async def help_command(ctx: Ctx) -> Outcome:
    text = help_text(ctx)
    if ctx.participant is not None and ctx.me.step != MENU_STEP:
        return Outcome((Reply(text), *await ctx.current_prompt()))
    return Outcome((Reply(text),))

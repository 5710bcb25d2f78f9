"""Answers to everything the other handlers do not take: unknown commands, stray text,
media, edits, stale, forged and doubly tapped buttons, people who have not joined, and
commands used before the person finished joining.

Each is short, in the person's language, and brings them back to where they stand.
"""

from __future__ import annotations

from bot.core import Outcome, Reply
from handlers.context import Ctx
from handlers.menu import MENU_STEP
from handlers.router import Router

router = Router()


async def _with_prompt(ctx: Ctx, msg_id: str, *, toast: str = "") -> Outcome:
    """The short answer, then where they stand; at the menu the short answer is enough."""
    replies = [Reply(ctx.t(msg_id))]
    if ctx.participant is not None and ctx.participant.step != MENU_STEP:
        replies.extend(await ctx.current_prompt())
    return Outcome(tuple(replies), toast=toast)


@router.fallback("not_joined")
async def not_joined(ctx: Ctx) -> Outcome:
    return Outcome((Reply(ctx.t("join-how")),), toast=ctx.t("join-how-toast"))


@router.fallback("not_yet")
async def not_yet(ctx: Ctx) -> Outcome:
    """A command whose route needs a step the person has not reached: onboarding first."""
    return Outcome((Reply(ctx.t("menu-finish-setup")), *await ctx.current_prompt()))


@router.fallback("unknown_command")
async def unknown_command(ctx: Ctx) -> Outcome:
    return await _with_prompt(ctx, "unknown-command")


@router.fallback("unknown_text")
async def unknown_text(ctx: Ctx) -> Outcome:
    return await _with_prompt(ctx, "use-buttons")


@router.fallback("text_too_long")
async def text_too_long(ctx: Ctx) -> Outcome:
    return await _with_prompt(ctx, "text-too-long")


@router.fallback("media")
async def media(ctx: Ctx) -> Outcome:
    return await _with_prompt(ctx, "media-not-read")


@router.fallback("edited")
async def edited(ctx: Ctx) -> Outcome:
    return Outcome((Reply(ctx.t("edit-not-read")),))


@router.fallback("stale")
async def stale(ctx: Ctx) -> Outcome:
    """A button from a message the conversation has moved past: say so, show where we are."""
    return Outcome(tuple(await ctx.current_prompt()), toast=ctx.t("button-stale"))


@router.fallback("forged")
async def forged(ctx: Ctx) -> Outcome:
    if ctx.participant is None:
        return Outcome((Reply(ctx.t("join-how")),), toast=ctx.t("button-unknown"))
    return Outcome(tuple(await ctx.current_prompt()), toast=ctx.t("button-unknown"))


@router.fallback("double_tap")
async def double_tap(ctx: Ctx) -> Outcome:
    # The first tap already changed the message; a toast is all a second one needs.
    return Outcome(toast=ctx.t("button-already-done"))

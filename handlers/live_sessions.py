"""Live sessions as everyone sees them: ``/sessions`` in each person's own time zone, with
"I'll attend" and the session's calendar file.

The rest of the feature: :mod:`handlers.live_sessions_add` (``/addsession``, coordinators),
:mod:`handlers.live_sessions_ics` (the ``.ics`` file), :mod:`handlers.live_sessions_feedback`
(feedback after a session, and ``/feedback``). The database session is ``ctx.session``; a
"session" here is always a live one (:class:`~storage.models.LiveSession`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.core import Document, Outcome, Reply
from bot.i18n import format_datetime
from handlers import buttons, roles
from handlers.context import Ctx, ForgedButton, StaleButton
from handlers.live_sessions_ics import ics, ics_filename
from handlers.router import Router
from storage import live_sessions
from storage.models import LiveSession

# Where a half-done conversation of this feature waits in the step data: a session being
# added (:mod:`handlers.live_sessions_add`) or a feedback comment being asked for
# (:mod:`handlers.live_sessions_feedback`); one at a time, so both drafts share the key.
DRAFT_KEY = "ss"

router = Router()


def say(text: str) -> Outcome:
    return Outcome((Reply(text),))


def when_local(ctx: Ctx, moment: datetime) -> str:
    """A session's start where the reader is, with the zone named."""
    return f"{format_datetime(ctx.lang, moment, ctx.zone, weekday=True)} ({ctx.zone_name})"


def describe(ctx: Ctx, item: LiveSession) -> str:
    """Title, start in the reader's zone and in UTC, length, format, language, place."""
    start = item.starts_at
    parts = [item.title,
             f"{when_local(ctx, start)} · {format_datetime(ctx.lang, start, UTC)} UTC",
             ctx.t("session-minutes", minutes=item.minutes) + " · "
             + ctx.t(f"session-format-{item.format}") + " · "
             + ctx.deps.translator.format(item.language, "language-name")]
    if item.where:
        parts.append(item.where)
    return "\n".join(parts)


async def reachable_session(ctx: Ctx, live_session_id: int) -> LiveSession:
    """The live session a button names, if it is one of the presser's exchange (any, for a
    coordinator)."""
    item = await live_sessions.get(ctx.session, live_session_id)
    if item is None:
        raise ForgedButton
    if not roles.is_coordinator(ctx) and item.exchange_id != await live_sessions.exchange_of(
            ctx.session, ctx.me):
        raise ForgedButton  # not a session of their exchange: never offered to them
    return item


# -- /sessions -------------------------------------------------------------------------------
@router.command("sessions")
async def list_sessions(ctx: Ctx) -> Outcome:
    exchange_id = await live_sessions.exchange_of(ctx.session, ctx.me)
    if exchange_id is None and not roles.is_coordinator(ctx):
        return say(ctx.t("session-none"))
    found = await live_sessions.upcoming(ctx.session, ctx.now(), exchange_id)
    if not found:
        return say(ctx.t("session-none"))
    going = await live_sessions.attending(ctx.session, ctx.me.id)
    lines, keyboard = [ctx.t("session-list-title", zone=ctx.zone_name)], []
    for item in found:
        mark = " ✓" if item.id in going else ""
        lines.append(f"#{item.id}{mark} " + describe(ctx, item))
        keyboard.append((
            buttons.button(ctx.t("session-leave" if item.id in going else "session-attend",
                                 id=item.id), "ssa", str(item.id)),
            buttons.button(ctx.t("session-calendar", id=item.id), "ssi", str(item.id))))
    return Outcome((Reply("\n\n".join(lines), tuple(keyboard)),))


@router.button("ssa", args=(int,))
async def attend(ctx: Ctx, live_session_id: int) -> Outcome:
    item = await reachable_session(ctx, live_session_id)
    if item.starts_at + timedelta(minutes=item.minutes) <= ctx.now():
        raise StaleButton
    now_going = await live_sessions.toggle_attendance(ctx.session, item.id, ctx.me.id,
                                                      ctx.now())
    return Outcome(toast=ctx.t("session-attending" if now_going else "session-not-attending",
                               title=item.title))


@router.button("ssi", args=(int,))
async def calendar(ctx: Ctx, live_session_id: int) -> Outcome:
    item = await reachable_session(ctx, live_session_id)
    document = Document(ics_filename(item), ics(item, ctx.now(), ctx.zone_name),
                        ctx.t("session-ics-caption", title=item.title,
                              when=when_local(ctx, item.starts_at)))
    return Outcome((Reply("", document=document),))

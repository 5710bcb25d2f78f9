"""``/addsession``: a coordinator adds a live session to an exchange, one question at a time
(title, start, length, format, place or link, language), then sees it as participants will
and saves it.

Before saving, the coordinator sees how many participants would have the slot inside their
quiet hours or at night (the seed's "synchronizing calendars reduces conflict")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.core import Outcome, Reply, in_place
from bot.i18n import LANGUAGES
from bot.local_time import in_quiet_hours, resolve
from handlers import buttons, roles
from handlers.context import Ctx, ForgedButton, StaleButton
from handlers.live_sessions import DRAFT, describe, say
from handlers.menu import MENU_STEP
from handlers.roles import record, refuse
from handlers.router import Router
from handlers.typed_times import parse_start
from storage import exchanges, live_sessions
from storage.models import LiveSession

TITLE_STEP, START_STEP, LENGTH_STEP = "ss:title", "ss:start", "ss:length"
FORMAT_STEP, WHERE_STEP, LANGUAGE_STEP = "ss:format", "ss:where", "ss:lang"
PREVIEW_STEP = "ss:preview"
FORMATS = ("in_person", "stream", "offline")
LENGTHS = (30, 60, 90, 120)
MAX_TITLE, MAX_WHERE = 120, 300
NIGHT = (0, 6 * 60)  # 00:00-06:00 local: "at night", whatever someone's quiet hours

router = Router()


@router.command("addsession", public=True)
async def add_session(ctx: Ctx) -> Outcome:
    if not roles.is_coordinator(ctx):
        return await refuse(ctx, "addsession")
    handle = ctx.inbound.args.strip()
    if not handle:
        return say(ctx.t("session-add-usage"))
    exchange = await exchanges.find_exchange(ctx.session, handle)
    if exchange is None:
        return say(ctx.t("exchange-unknown"))
    await roles.ensure_staff_record(ctx)
    ctx.keep_draft(DRAFT, {"exchange": exchange.id})
    ctx.go(TITLE_STEP)
    return Outcome(tuple(await ctx.current_prompt()))


def _cancel_row(ctx: Ctx) -> tuple[buttons.Button, ...]:
    return (buttons.button(ctx.t("session-cancel"), "ssx"),)


@router.prompt(TITLE_STEP)
async def title_prompt(ctx: Ctx) -> Sequence[Reply]:
    return [Reply(ctx.t("session-ask-title", max=MAX_TITLE), (_cancel_row(ctx),))]


@router.text(TITLE_STEP)
async def take_title(ctx: Ctx) -> Outcome:
    title = " ".join(ctx.inbound.text.split())
    if not 3 <= len(title) <= MAX_TITLE:
        return Outcome((Reply(ctx.t("session-title-bad", max=MAX_TITLE)),
                        *await title_prompt(ctx)))
    return await _next(ctx, "title", title, START_STEP)


async def _next(ctx: Ctx, field: str, value: object, step: str, *,
                edit: bool = False) -> Outcome:
    draft = ctx.draft(DRAFT)
    if not draft:
        raise StaleButton
    draft[field] = value
    ctx.keep_draft(DRAFT, draft)
    ctx.go(PREVIEW_STEP if "lang" in draft and step != WHERE_STEP else step)
    replies = await ctx.current_prompt()
    return Outcome(in_place(replies, edit=edit))


@router.prompt(START_STEP)
async def start_prompt(ctx: Ctx) -> Sequence[Reply]:
    return [Reply(ctx.t("session-ask-start", zone=ctx.zone_name), (_cancel_row(ctx),))]


@router.text(START_STEP)
async def take_start(ctx: Ctx) -> Outcome:
    start = parse_start(ctx.inbound.text, ctx.zone_name)
    if start is None:
        return Outcome((Reply(ctx.t("session-start-bad")), *await start_prompt(ctx)))
    if start <= ctx.now() or start > ctx.now() + timedelta(days=730):
        return Outcome((Reply(ctx.t("session-start-past")), *await start_prompt(ctx)))
    return await _next(ctx, "start", start.isoformat(), LENGTH_STEP)


@router.prompt(LENGTH_STEP)
async def length_prompt(ctx: Ctx) -> Sequence[Reply]:
    row = tuple(buttons.button(ctx.t("session-minutes", minutes=m), "ssl", str(m))
                for m in LENGTHS)
    return [Reply(ctx.t("session-ask-length"), (row, _cancel_row(ctx)))]


@router.text(LENGTH_STEP)
async def typed_length(ctx: Ctx) -> Outcome:
    text = ctx.inbound.text.strip()
    if not text.isdigit() or not 5 <= int(text) <= 600:
        return Outcome((Reply(ctx.t("session-length-bad")), *await length_prompt(ctx)))
    return await _next(ctx, "minutes", int(text), FORMAT_STEP)


@router.button("ssl")
async def pick_length(ctx: Ctx, args: list[str]) -> Outcome:
    if len(args) != 1 or not args[0].isdigit() or int(args[0]) not in LENGTHS:
        raise ForgedButton
    if ctx.me.step != LENGTH_STEP:
        raise StaleButton
    return await _next(ctx, "minutes", int(args[0]), FORMAT_STEP, edit=True)


@router.prompt(FORMAT_STEP)
async def format_prompt(ctx: Ctx) -> Sequence[Reply]:
    row = tuple(buttons.button(ctx.t(f"session-format-{f}"), "ssf", f) for f in FORMATS)
    return [Reply(ctx.t("session-ask-format"), (row, _cancel_row(ctx)))]


@router.button("ssf")
async def pick_format(ctx: Ctx, args: list[str]) -> Outcome:
    if len(args) != 1 or args[0] not in FORMATS:
        raise ForgedButton
    if ctx.me.step != FORMAT_STEP:
        raise StaleButton
    if args[0] == "offline":  # an offline pack has no place or link
        draft = ctx.draft(DRAFT)
        draft["where"] = ""
        ctx.keep_draft(DRAFT, draft)
        return await _next(ctx, "format", args[0], LANGUAGE_STEP, edit=True)
    return await _next(ctx, "format", args[0], WHERE_STEP, edit=True)


@router.prompt(WHERE_STEP)
async def where_prompt(ctx: Ctx) -> Sequence[Reply]:
    kind = "link" if ctx.draft(DRAFT).get("format") == "stream" else "place"
    return [Reply(ctx.t(f"session-ask-{kind}", max=MAX_WHERE), (_cancel_row(ctx),))]


@router.text(WHERE_STEP, max_length=MAX_WHERE)
async def take_where(ctx: Ctx) -> Outcome:
    where = ctx.inbound.text.strip()
    stream = ctx.draft(DRAFT).get("format") == "stream"
    if not where or (stream and not re.fullmatch(r"https?://\S+", where)):
        return Outcome((Reply(ctx.t("session-link-bad" if stream else "session-place-bad")),
                        *await where_prompt(ctx)))
    draft = ctx.draft(DRAFT)
    return await _next(ctx, "where", where, PREVIEW_STEP if "lang" in draft else LANGUAGE_STEP)


@router.prompt(LANGUAGE_STEP)
async def language_prompt(ctx: Ctx) -> Sequence[Reply]:
    row = tuple(buttons.button(ctx.deps.translator.format(lang, "language-name"), "ssg", lang)
                for lang in LANGUAGES)
    return [Reply(ctx.t("session-ask-language"), (row, _cancel_row(ctx)))]


@router.button("ssg")
async def pick_language(ctx: Ctx, args: list[str]) -> Outcome:
    if len(args) != 1 or args[0] not in LANGUAGES:
        raise ForgedButton
    if ctx.me.step != LANGUAGE_STEP:
        raise StaleButton
    return await _next(ctx, "lang", args[0], PREVIEW_STEP, edit=True)


async def conflicts(ctx: Ctx, exchange_id: int, start: datetime) -> tuple[int, int, int]:
    """(participants, inside their quiet hours, at night) at ``start``, locally."""
    people = await live_sessions.members_of_exchange(ctx.session, exchange_id)
    quiet = night = 0
    for person in people:
        here = start.astimezone(resolve(person.timezone or "UTC"))
        quiet += in_quiet_hours(here, person.quiet_start, person.quiet_end)
        night += in_quiet_hours(here, *NIGHT)
    return len(people), quiet, night


@router.prompt(PREVIEW_STEP)
async def preview_prompt(ctx: Ctx) -> Sequence[Reply]:
    draft = ctx.draft(DRAFT)
    exchange_id = draft.get("exchange")
    exchange = await exchanges.get_exchange(ctx.session, exchange_id) \
        if isinstance(exchange_id, int) else None
    if exchange is None:
        raise StaleButton
    item = _from_draft(draft)
    total, quiet, night = await conflicts(ctx, exchange.id, item.starts_at)
    text = "\n".join([ctx.t("session-preview-head"), describe(ctx, item),
                      ctx.t("session-conflicts", total=total, quiet=quiet, night=night)])
    keyboard = ((buttons.button(ctx.t("session-save"), "sss"),
                 buttons.button(ctx.t("session-change-start"), "ssc")), _cancel_row(ctx))
    return [Reply(text, keyboard)]


def _from_draft(draft: dict[str, object]) -> LiveSession:
    """The session as it would be saved (not added to the database)."""
    return LiveSession(
        exchange_id=int(str(draft["exchange"])), title=str(draft["title"]),
        starts_at=datetime.fromisoformat(str(draft["start"])),
        minutes=int(str(draft["minutes"])), format=str(draft["format"]),
        where=str(draft.get("where") or ""), language=str(draft["lang"]))


@router.button("ssc")
async def change_start(ctx: Ctx, args: list[str]) -> Outcome:
    if args:
        raise ForgedButton
    if ctx.me.step != PREVIEW_STEP:
        raise StaleButton
    ctx.go(START_STEP)
    return Outcome(in_place(await start_prompt(ctx)))


@router.button("sss")
async def save(ctx: Ctx, args: list[str]) -> Outcome:
    if args:
        raise ForgedButton
    if ctx.me.step != PREVIEW_STEP:
        raise StaleButton
    if not roles.is_coordinator(ctx):
        return await refuse(ctx, "addsession")
    item = _from_draft(ctx.draft(DRAFT))
    item.created_by, item.created_at = ctx.inbound.user_id, ctx.now()
    await live_sessions.add(ctx.session, item)
    ctx.keep_draft(DRAFT, None)
    ctx.go(MENU_STEP)
    await record(ctx, "addsession", "ok", f"#{item.id}")
    return Outcome((Reply(ctx.t("session-saved", id=item.id), edit=True),))


@router.button("ssx")
async def cancel(ctx: Ctx, args: list[str]) -> Outcome:
    if args:
        raise ForgedButton
    if not ctx.me.step.startswith("ss:"):
        raise StaleButton
    ctx.keep_draft(DRAFT, None)
    ctx.go(MENU_STEP)
    return Outcome((Reply(ctx.t("session-cancelled"), edit=True),))

"""``/addsession``: a coordinator adds a live session to an exchange, one question at a time
(title, start, length, format, place or link, language), then sees it as participants will
and saves it.

Before saving, the coordinator sees how many participants would have the slot inside their
quiet hours or at night (the seed's "synchronizing calendars reduces conflict")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta

from pydantic import AwareDatetime

from bot.core import Outcome, Reply, in_place
from bot.i18n import LANGUAGES
from bot.local_time import in_quiet_hours, resolve
from handlers import buttons, roles
from handlers.context import Ctx, StaleButton
from handlers.drafts import Draft, Slot
from handlers.guards import Choice, step_prefix
from handlers.live_sessions import DRAFT_KEY, describe, say
from handlers.menu import MENU_STEP
from handlers.roles import COORDINATORS, record
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


class SessionDraft(Draft):
    """The live session being added, answer by answer (``where`` is "" for offline)."""

    exchange: int
    title: str | None = None
    start: AwareDatetime | None = None
    minutes: int | None = None
    format: str | None = None
    where: str | None = None
    lang: str | None = None

    def live_session(self) -> LiveSession:
        """The session as it would be saved (not added to the database); stale if an answer
        is missing (the preview comes only once all were given)."""
        if (self.title is None or self.start is None or self.minutes is None
                or self.format is None or self.lang is None):
            raise StaleButton
        return LiveSession(exchange_id=self.exchange, title=self.title, starts_at=self.start,
                           minutes=self.minutes, format=self.format, where=self.where or "",
                           language=self.lang)


DRAFT = Slot(DRAFT_KEY, SessionDraft)


@router.command("addsession", role=COORDINATORS)
async def add_session(ctx: Ctx) -> Outcome:
    handle = ctx.inbound.args.strip()
    if not handle:
        return say(ctx.t("session-add-usage"))
    exchange = await exchanges.find_exchange(ctx.session, handle)
    if exchange is None:
        return say(ctx.t("exchange-unknown"))
    await roles.ensure_staff_record(ctx)
    DRAFT.save(ctx, SessionDraft(exchange=exchange.id))
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
    draft = DRAFT.current(ctx)
    draft.title = title
    return await _next(ctx, draft, START_STEP)


async def _next(ctx: Ctx, draft: SessionDraft, step: str, *, edit: bool = False) -> Outcome:
    """Keep the answer and ask the next question; once every one was answered (a changed
    start), straight back to the preview, unless a place or link is still to be asked."""
    DRAFT.save(ctx, draft)
    ctx.go(PREVIEW_STEP if draft.lang is not None and step != WHERE_STEP else step)
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
    draft = DRAFT.current(ctx)
    draft.start = start
    return await _next(ctx, draft, LENGTH_STEP)


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
    return await _take_length(ctx, int(text), edit=False)


@router.button("ssl", step=LENGTH_STEP, args=(Choice(*map(str, LENGTHS)),))
async def pick_length(ctx: Ctx, minutes: str) -> Outcome:
    return await _take_length(ctx, int(minutes), edit=True)


async def _take_length(ctx: Ctx, minutes: int, *, edit: bool) -> Outcome:
    draft = DRAFT.current(ctx)
    draft.minutes = minutes
    return await _next(ctx, draft, FORMAT_STEP, edit=edit)


@router.prompt(FORMAT_STEP)
async def format_prompt(ctx: Ctx) -> Sequence[Reply]:
    row = tuple(buttons.button(ctx.t(f"session-format-{f}"), "ssf", f) for f in FORMATS)
    return [Reply(ctx.t("session-ask-format"), (row, _cancel_row(ctx)))]


@router.button("ssf", step=FORMAT_STEP, args=(Choice(*FORMATS),))
async def pick_format(ctx: Ctx, session_format: str) -> Outcome:
    draft = DRAFT.current(ctx)
    draft.format = session_format
    if session_format == "offline":  # an offline pack has no place or link
        draft.where = ""
        return await _next(ctx, draft, LANGUAGE_STEP, edit=True)
    return await _next(ctx, draft, WHERE_STEP, edit=True)


def _streamed(ctx: Ctx) -> bool:
    """Whether the session being added is streamed: its place is a link."""
    draft = DRAFT.load(ctx)
    return draft is not None and draft.format == "stream"


@router.prompt(WHERE_STEP)
async def where_prompt(ctx: Ctx) -> Sequence[Reply]:
    kind = "link" if _streamed(ctx) else "place"
    return [Reply(ctx.t(f"session-ask-{kind}", max=MAX_WHERE), (_cancel_row(ctx),))]


@router.text(WHERE_STEP, max_length=MAX_WHERE)
async def take_where(ctx: Ctx) -> Outcome:
    where = ctx.inbound.text.strip()
    stream = _streamed(ctx)
    if not where or (stream and not re.fullmatch(r"https?://\S+", where)):
        return Outcome((Reply(ctx.t("session-link-bad" if stream else "session-place-bad")),
                        *await where_prompt(ctx)))
    draft = DRAFT.current(ctx)
    draft.where = where
    return await _next(ctx, draft, LANGUAGE_STEP)  # the preview, once the language is known


@router.prompt(LANGUAGE_STEP)
async def language_prompt(ctx: Ctx) -> Sequence[Reply]:
    row = tuple(buttons.button(ctx.deps.translator.format(lang, "language-name"), "ssg", lang)
                for lang in LANGUAGES)
    return [Reply(ctx.t("session-ask-language"), (row, _cancel_row(ctx)))]


@router.button("ssg", step=LANGUAGE_STEP, args=(Choice(*LANGUAGES),))
async def pick_language(ctx: Ctx, lang: str) -> Outcome:
    draft = DRAFT.current(ctx)
    draft.lang = lang
    return await _next(ctx, draft, PREVIEW_STEP, edit=True)


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
    draft = DRAFT.current(ctx)
    exchange = await exchanges.get_exchange(ctx.session, draft.exchange)
    if exchange is None:
        raise StaleButton
    item = draft.live_session()
    total, quiet, night = await conflicts(ctx, exchange.id, item.starts_at)
    text = "\n".join([ctx.t("session-preview-head"), describe(ctx, item),
                      ctx.t("session-conflicts", total=total, quiet=quiet, night=night)])
    keyboard = ((buttons.button(ctx.t("session-save"), "sss"),
                 buttons.button(ctx.t("session-change-start"), "ssc")), _cancel_row(ctx))
    return [Reply(text, keyboard)]


@router.button("ssc", step=PREVIEW_STEP, args=())
async def change_start(ctx: Ctx) -> Outcome:
    ctx.go(START_STEP)
    return Outcome(in_place(await start_prompt(ctx)))


# The role again on saving: it may have been taken away since /addsession.
@router.button("sss", role=COORDINATORS, action="addsession", step=PREVIEW_STEP, args=())
async def save(ctx: Ctx) -> Outcome:
    item = DRAFT.current(ctx).live_session()
    item.created_by, item.created_at = ctx.inbound.user_id, ctx.now()
    await live_sessions.add(ctx.session, item)
    DRAFT.drop(ctx)
    ctx.go(MENU_STEP)
    await record(ctx, "addsession", "ok", f"#{item.id}")
    return Outcome((Reply(ctx.t("session-saved", id=item.id), edit=True),))


# Current at every step of the feature, a feedback comment's included, as it always was.
@router.button("ssx", step=step_prefix("ss:"), args=())
async def cancel(ctx: Ctx) -> Outcome:
    DRAFT.drop(ctx)
    ctx.go(MENU_STEP)
    return Outcome((Reply(ctx.t("session-cancelled"), edit=True),))

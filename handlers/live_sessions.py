"""Live sessions in local time: ``/addsession`` (coordinators), ``/sessions`` (everyone, in
their own time zone, with "I'll attend" and a tiny ``.ics``), session feedback, and
``/feedback`` (facilitators and coordinators see the aggregate).

Before saving, the coordinator sees how many participants would have the slot inside their
quiet hours or at night (the seed's "synchronizing calendars reduces conflict")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from bot.core import Button, Document, Outcome, Reply, in_place
from bot.i18n import LANGUAGES, format_datetime
from bot.local_time import in_quiet_hours, parse_zone, resolve, to_utc
from handlers import buttons, roles
from handlers.consent import current_decision
from handlers.context import Ctx, ForgedButton, StaleButton
from handlers.free_text import ask_about_number, bare_number, is_number
from handlers.menu import MENU_STEP
from handlers.roles import record, refuse
from handlers.router import Router
from storage import exchanges
from storage import live_sessions as store
from storage.models import Exchange, LiveSession

TITLE_STEP, START_STEP, LENGTH_STEP = "ss:title", "ss:start", "ss:length"
FORMAT_STEP, WHERE_STEP, PREVIEW_STEP = "ss:format", "ss:where", "ss:preview"
FEEDBACK_TEXT_STEP = "ss:fbtext"
DRAFT = "ss"  # where the half-done conversation waits, in the step data
FORMATS = ("in_person", "stream", "offline")
LENGTHS = (30, 60, 90, 120)
MAX_TITLE, MAX_WHERE, MAX_FEEDBACK = 120, 300, 1000
NIGHT = (0, 6 * 60)  # 00:00-06:00 local: "at night", whatever someone's quiet hours
_START = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})(?:\s+(.+))?")
QUESTIONS = store.QUESTIONS

router = Router()


def _say(text: str) -> Outcome:
    return Outcome((Reply(text),))


def _when(ctx: Ctx, moment: datetime) -> str:
    return f"{format_datetime(ctx.lang, moment, ctx.zone, weekday=True)} ({ctx.zone_name})"


def parse_start(text: str, default_zone: str) -> datetime | None:
    """``2026-03-04 18:00`` in the sender's zone, or followed by a zone (``UTC``,
    ``UTC+3``, ``Africa/Nairobi``, a city); returns UTC."""
    match = _START.fullmatch(text.strip())
    if not match:
        return None
    zone = parse_zone(match.group(4)) if match.group(4) else default_zone
    if zone is None:
        return None
    try:
        local = datetime.fromisoformat(f"{match.group(1)} {int(match.group(2)):02d}:"
                                       f"{match.group(3)}")
    except ValueError:
        return None
    return to_utc(local, zone)  # None inside a daylight-saving gap: that time never comes


# -- /addsession -----------------------------------------------------------------------------
@router.command("addsession", public=True)
async def add_session(ctx: Ctx) -> Outcome:
    if not roles.is_coordinator(ctx):
        return await refuse(ctx, "addsession")
    handle = ctx.inbound.args.strip()
    if not handle:
        return _say(ctx.t("session-add-usage"))
    exchange = await exchanges.find_exchange(ctx.session, handle)
    if exchange is None:
        return _say(ctx.t("exchange-unknown"))
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
        return await _next(ctx, "format", args[0], "ss:lang", edit=True)
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
    return await _next(ctx, "where", where, PREVIEW_STEP if "lang" in draft else "ss:lang")


@router.prompt("ss:lang")
async def language_prompt(ctx: Ctx) -> Sequence[Reply]:
    row = tuple(buttons.button(ctx.deps.translator.format(lang, "language-name"), "ssg", lang)
                for lang in LANGUAGES)
    return [Reply(ctx.t("session-ask-language"), (row, _cancel_row(ctx)))]


@router.button("ssg")
async def pick_language(ctx: Ctx, args: list[str]) -> Outcome:
    if len(args) != 1 or args[0] not in LANGUAGES:
        raise ForgedButton
    if ctx.me.step != "ss:lang":
        raise StaleButton
    return await _next(ctx, "lang", args[0], PREVIEW_STEP, edit=True)


async def conflicts(ctx: Ctx, exchange_id: int, start: datetime) -> tuple[int, int, int]:
    """(participants, inside their quiet hours, at night) at ``start``, locally."""
    people = await store.members_of_exchange(ctx.session, exchange_id)
    quiet = night = 0
    for person in people:
        here = start.astimezone(resolve(person.timezone or "UTC"))
        quiet += in_quiet_hours(here, person.quiet_start, person.quiet_end)
        night += in_quiet_hours(here, *NIGHT)
    return len(people), quiet, night


@router.prompt(PREVIEW_STEP)
async def preview_prompt(ctx: Ctx) -> Sequence[Reply]:
    draft = ctx.draft(DRAFT)
    exchange = await ctx.session.get(Exchange, draft.get("exchange"))
    if exchange is None:
        raise StaleButton
    item = _from_draft(draft)
    total, quiet, night = await conflicts(ctx, exchange.id, item.starts_at)
    text = "\n".join([ctx.t("session-preview-head"), _describe(ctx, item),
                      ctx.t("session-conflicts", total=total, quiet=quiet, night=night)])
    keyboard = ((buttons.button(ctx.t("session-save"), "sss"),
                 buttons.button(ctx.t("session-change-start"), "ssc")), _cancel_row(ctx))
    return [Reply(text, keyboard)]


def _describe(ctx: Ctx, item: LiveSession) -> str:
    """Title, start in the reader's zone and in UTC, length, format, language, place."""
    start = item.starts_at
    parts = [item.title, f"{_when(ctx, start)} · {format_datetime(ctx.lang, start, UTC)} UTC",
             ctx.t("session-minutes", minutes=item.minutes) + " · "
             + ctx.t(f"session-format-{item.format}") + " · "
             + ctx.deps.translator.format(item.language, "language-name")]
    if item.where:
        parts.append(item.where)
    return "\n".join(parts)


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
    ctx.session.add(item)
    await ctx.session.flush()
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


# -- /sessions -------------------------------------------------------------------------------
@router.command("sessions")
async def list_sessions(ctx: Ctx) -> Outcome:
    exchange_id = await store.exchange_of(ctx.session, ctx.me)
    if exchange_id is None and not roles.is_coordinator(ctx):
        return _say(ctx.t("session-none"))
    found = await store.upcoming(ctx.session, ctx.now(), exchange_id)
    if not found:
        return _say(ctx.t("session-none"))
    going = await store.attending(ctx.session, ctx.me.id)
    lines, keyboard = [ctx.t("session-list-title", zone=ctx.zone_name)], []
    for item in found:
        mark = " ✓" if item.id in going else ""
        lines.append(f"#{item.id}{mark} " + _describe(ctx, item))
        keyboard.append((
            buttons.button(ctx.t("session-leave" if item.id in going else "session-attend",
                                 id=item.id), "ssa", str(item.id)),
            buttons.button(ctx.t("session-calendar", id=item.id), "ssi", str(item.id))))
    return Outcome((Reply("\n\n".join(lines), tuple(keyboard)),))


async def _reachable_session(ctx: Ctx, raw: str) -> LiveSession:
    if not raw.isdigit() or len(raw) > 9:
        raise ForgedButton
    item = await ctx.session.get(LiveSession, int(raw))
    if item is None:
        raise ForgedButton
    if not roles.is_coordinator(ctx) and item.exchange_id != await store.exchange_of(
            ctx.session, ctx.me):
        raise ForgedButton  # not a session of their exchange: never offered to them
    return item


@router.button("ssa")
async def attend(ctx: Ctx, args: list[str]) -> Outcome:
    if len(args) != 1:
        raise ForgedButton
    item = await _reachable_session(ctx, args[0])
    if item.starts_at + timedelta(minutes=item.minutes) <= ctx.now():
        raise StaleButton
    now_going = await store.toggle_attendance(ctx.session, item.id, ctx.me.id, ctx.now())
    return Outcome(toast=ctx.t("session-attending" if now_going else "session-not-attending",
                               title=item.title))


def ics(item: LiveSession, now: datetime, zone: str = "UTC") -> bytes:
    """A small calendar file (RFC 5545, written by ``icalendar``: escaped, and folded at 75
    octets however long the title or link) any phone calendar imports, its start in the
    reader's zone with that zone's rules for the weeks around it."""
    calendar = Calendar()
    calendar.add("prodid", "-//exchange-bot//sessions//EN")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"session-{item.id}@exchange-bot")
    event.add("dtstamp", now.astimezone(UTC))
    here = resolve(zone)
    # A fixed offset ("UTC+3") has no TZID a calendar knows: such a start is written in UTC.
    named = isinstance(here, ZoneInfo) and zone != "UTC"
    start = item.starts_at.astimezone(here if named else UTC)
    event.add("dtstart", start)
    event.add("duration", timedelta(minutes=item.minutes))
    event.add("summary", item.title)
    if item.where.startswith(("http://", "https://")):
        event.add("url", item.where)
        event.add("location", item.where)  # where most calendars show a place, tappable
    elif item.where:
        event.add("location", item.where)
    calendar.add_component(event)
    if named:
        # The zone's rules around the session only: the whole 1970-2038 history of a zone
        # with summer time would make the file a hundred times bigger.
        calendar.add_missing_timezones(first_date=start.date() - timedelta(days=366),
                                       last_date=start.date() + timedelta(days=366))
    return calendar.to_ical()


def ics_filename(item: LiveSession) -> str:
    """``session-7-safety-planning-live.ics``: a name a person recognises in their files."""
    words = re.sub(r"[^a-z0-9]+", "-", item.title.lower()).strip("-")[:40].rstrip("-")
    return f"session-{item.id}" + (f"-{words}" if words else "") + ".ics"


@router.button("ssi")
async def calendar(ctx: Ctx, args: list[str]) -> Outcome:
    if len(args) != 1:
        raise ForgedButton
    item = await _reachable_session(ctx, args[0])
    document = Document(ics_filename(item), ics(item, ctx.now(), ctx.zone_name),
                        ctx.t("session-ics-caption", title=item.title,
                              when=_when(ctx, item.starts_at)))
    return Outcome((Reply("", document=document),))


# -- feedback ----------------------------------------------------------------------------
def feedback_keyboard(session_id: int, question: str) -> tuple[tuple[buttons.Button, ...], ...]:
    return (tuple(buttons.button(str(n), "ssq", str(session_id), question, str(n))
                  for n in range(1, 6)),)


@router.button("ssq")
async def feedback_answer(ctx: Ctx, args: list[str]) -> Outcome:
    if len(args) != 3 or args[1] not in QUESTIONS or args[2] not in {"1", "2", "3", "4", "5"}:
        raise ForgedButton
    item = await _reachable_session(ctx, args[0])
    if item.id not in await store.attending(ctx.session, ctx.me.id):
        raise ForgedButton  # the prompt goes only to those who attended
    row = await store.feedback_for(ctx.session, item.id, ctx.me.id)
    if row is None:
        from storage.models import SessionFeedback

        row = SessionFeedback(session_id=item.id, participant_id=ctx.me.id,
                              created_at=ctx.now())
        ctx.session.add(row)
    setattr(row, args[1], int(args[2]))
    following = QUESTIONS.index(args[1]) + 1
    if following < len(QUESTIONS):
        question = QUESTIONS[following]
        return Outcome((Reply(ctx.t(f"feedback-{question}", title=item.title),
                              feedback_keyboard(item.id, question), edit=True),))
    if not await current_decision(ctx, "progress"):  # free text kept only with that consent
        return Outcome((Reply(ctx.t("feedback-thanks"), edit=True),))
    ctx.keep_draft(DRAFT, {"feedback": item.id})
    ctx.go(FEEDBACK_TEXT_STEP)
    return Outcome(in_place(await feedback_text_prompt(ctx)))


def _skip_text(ctx: Ctx) -> Button:
    return buttons.button(ctx.t("feedback-skip"), "ssk")


def _feedback_session(ctx: Ctx) -> int | None:
    """The session whose comment is being asked for."""
    found = ctx.draft(DRAFT).get("feedback")
    return found if isinstance(found, int) else None


@router.prompt(FEEDBACK_TEXT_STEP)
async def feedback_text_prompt(ctx: Ctx) -> Sequence[Reply]:
    # The limit is said before anything is typed.
    return [Reply(ctx.t("feedback-text", max=MAX_FEEDBACK), ((_skip_text(ctx),),))]


@router.text(FEEDBACK_TEXT_STEP, max_length=4096)
async def feedback_text(ctx: Ctx) -> Outcome:
    text = ctx.inbound.text.strip()
    if len(text) > MAX_FEEDBACK:
        return Outcome((Reply(ctx.t("feedback-too-long", length=len(text), max=MAX_FEEDBACK)),
                        *await feedback_text_prompt(ctx)))
    session_id = _feedback_session(ctx)
    number = bare_number(ctx)
    if number is not None and session_id is not None:  # Skip pressed by its number?
        return ask_about_number(ctx, number, ("ssn", str(session_id), number), _skip_text(ctx))
    return await _keep_text(ctx, session_id, text, edit=False)


@router.button("ssn")
async def keep_typed_number(ctx: Ctx, args: list[str]) -> Outcome:
    """Keep it: the number typed as a comment was meant as the comment."""
    if len(args) != 2 or not args[0].isdigit() or not is_number(args[1]):
        raise ForgedButton
    if ctx.me.step != FEEDBACK_TEXT_STEP or _feedback_session(ctx) != int(args[0]):
        raise StaleButton
    return await _keep_text(ctx, int(args[0]), args[1], edit=True)


async def _keep_text(ctx: Ctx, session_id: int | None, text: str, *, edit: bool) -> Outcome:
    row = await store.feedback_for(ctx.session, session_id, ctx.me.id) \
        if session_id is not None else None
    if row is not None and text:
        row.text = text
    ctx.keep_draft(DRAFT, None)
    ctx.go(MENU_STEP)
    return Outcome((Reply(ctx.t("feedback-thanks"), edit=edit),))


@router.button("ssk")
async def skip_feedback_text(ctx: Ctx, args: list[str]) -> Outcome:
    if args:
        raise ForgedButton
    if ctx.me.step != FEEDBACK_TEXT_STEP:
        raise StaleButton
    ctx.keep_draft(DRAFT, None)
    ctx.go(MENU_STEP)
    return Outcome((Reply(ctx.t("feedback-thanks"), edit=True),))


@router.command("feedback", public=True)
async def feedback_report(ctx: Ctx) -> Outcome:
    """The aggregate per session, for facilitators (their exchange) and coordinators."""
    if not (roles.is_coordinator(ctx) or roles.is_facilitator(ctx)):
        return await refuse(ctx, "feedback", "staff-only")
    exchange_id = None if roles.is_coordinator(ctx) else await store.exchange_of(
        ctx.session, ctx.me)
    arg = ctx.inbound.args.strip().lstrip("#")
    if arg and not arg.isdigit():
        return _say(ctx.t("feedback-usage"))
    items = ([await ctx.session.get(LiveSession, int(arg))] if arg
             else await store.recent(ctx.session, ctx.now(), exchange_id))
    found = [i for i in items if i is not None
             and (exchange_id is None or i.exchange_id == exchange_id)]
    await record(ctx, "feedback", "ok", arg)
    if not found:
        return _say(ctx.t("feedback-none"))
    blocks = []
    for item in found:
        summary = await store.aggregate(ctx.session, item.id)
        means = {q: f"{m:.1f}" if m is not None else "–" for q, m in summary.means.items()}
        block = ctx.t("feedback-summary", id=item.id, title=item.title,
                      responses=summary.responses,
                      attending=await store.attendance_count(ctx.session, item.id), **means)
        block += "".join(f"\n– {t[:200]}" for t in summary.texts[:10])
        blocks.append(block)
    return _say("\n\n".join(blocks))


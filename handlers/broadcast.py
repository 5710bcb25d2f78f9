"""Broadcasts: ``/broadcast`` and ``/schedule`` (audience → text → preview → confirm),
``/broadcasts`` (status, answers, cancelling a scheduled one, sending again to the
"uncertain"), and the answers recipients give with a prompt's reply buttons.

Nothing is sent from here: confirming writes one outbox row per recipient, in the same
transaction as the broadcast, and the dispatcher does the sending.
"""

from __future__ import annotations

import contextlib
import html
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from bot.core import Button, Outcome, Reply, in_place
from bot.i18n import DEFAULT_LANGUAGE, Translator, format_datetime
from bot.local_time import REGIONS
from handlers import buttons, roles, telegram_html
from handlers.context import Ctx, ForgedButton, StaleButton
from handlers.menu import MENU_STEP
from handlers.roles import cohort_in_reach, record, refuse
from handlers.router import Router
from storage import broadcasts, consents, exchanges, outbox, participants
from storage.models import Broadcast, Cohort, Participant

if TYPE_CHECKING:
    from bot.app import App
    from bot.ports import BotApi

log = logging.getLogger(__name__)

AUDIENCE_STEP, TEXT_STEP, OPTIONS_STEP = "bc:audience", "bc:text", "bc:options"
WHEN_STEP, PREVIEW_STEP = "bc:when", "bc:preview"
DRAFT = "bc"  # where the half-done conversation waits, in the step data
MAX_BROADCAST = 3000  # leaves room for the header under Telegram's 4096
MAX_OPTIONS, MAX_OPTION = 4, 24
SEGMENT_FIELDS = ("track", "region", "language")
MAX_AHEAD = timedelta(days=366)
FOLLOWUP = "followup"
BROADCAST_ID = re.compile(r"\d{1,9}")  # fits the id column: a forged huge number is refused

router = Router()


# -- the draft, kept in the sender's step data so it survives restarts --------------------
def _int(value: object) -> int:
    return value if isinstance(value, int) else 0


# -- audience --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Audience:
    recipients: list[Participant]
    skipped_consent: int
    skipped_blocked: int


def _matches(person: Participant, segment: str) -> bool:
    if segment == "all":
        return True
    field, _, value = segment.partition("=")
    return field in SEGMENT_FIELDS and getattr(person, f"{field}_id" if field == "track"
                                               else field) == value


def _value(person: Participant, field: str) -> str | None:
    value = person.track_id if field == "track" else getattr(person, field)
    return value if isinstance(value, str) else None


def value_label(ctx: Ctx, field: str, value: str) -> str:
    """What staff read for a segment's value: "Asia-Pacific", "Español", a track's title;
    the stored code only for something no longer known."""
    if field == "region" and value in REGIONS:
        return ctx.t(f"region-{value}")
    if field == "language":
        return ctx.deps.translator.language_name(value)
    track = ctx.deps.content.track(value) if field == "track" else None
    if track is not None:
        return track.titles.get(ctx.lang) or track.titles.get(DEFAULT_LANGUAGE) or value
    return value


async def audience(session: AsyncSession, cohort_id: int, segment: str,
                   sender_telegram_id: int) -> Audience:
    """Who gets it: the segment's members, minus the sender, minus people who withdrew the
    follow-up consent or blocked the bot (those are counted)."""
    members = [m for m in await exchanges.members(session, cohort_id)
               if m.telegram_id != sender_telegram_id and _matches(m, segment)]
    allowed = await consents.granted_in_cohort(session, cohort_id, FOLLOWUP)
    recipients, no_consent, blocked = [], 0, 0
    for member in members:
        if member.id not in allowed:
            no_consent += 1
        elif member.blocked_at is not None:
            blocked += 1
        else:
            recipients.append(member)
    return Audience(recipients, no_consent, blocked)


# -- starting ------------------------------------------------------------------------------
@router.command("broadcast", public=True)
async def broadcast_command(ctx: Ctx) -> Outcome:
    return await _begin(ctx, "broadcast", schedule=False)


@router.command("schedule", public=True)
async def schedule_command(ctx: Ctx) -> Outcome:
    return await _begin(ctx, "schedule", schedule=True)


async def _begin(ctx: Ctx, command: str, *, schedule: bool) -> Outcome:
    handle = ctx.inbound.args.strip()
    own = ctx.participant.cohort_id if ctx.participant else None
    if not handle and own is None and roles.is_coordinator(ctx):
        await roles.ensure_staff_record(ctx)
        return await _cohort_picker(ctx, schedule)
    found = await cohort_in_reach(ctx, command, handle)
    if isinstance(found, Outcome):
        return found
    await roles.ensure_staff_record(ctx)
    return await _start_draft(ctx, found[0], schedule)


async def _cohort_picker(ctx: Ctx, schedule: bool) -> Outcome:
    found = await exchanges.cohorts_of(ctx.session, limit=8)
    if not found:
        return Outcome((Reply(ctx.t("cohorts-none")),))
    flag = "s" if schedule else "n"
    keyboard = tuple((buttons.button(f"{c.name} ({e.name})"[:60], "bcc", str(c.id), flag),)
                     for c, e in found)
    return Outcome((Reply(ctx.t("bc-pick-cohort"), keyboard),))


@router.button("bcc", public=True)
async def pick_cohort(ctx: Ctx, args: list[str]) -> Outcome:
    if len(args) != 2 or not args[0].isdigit() or args[1] not in ("s", "n"):
        raise ForgedButton
    if not roles.is_coordinator(ctx):
        return await refuse(ctx, "broadcast")
    found = await exchanges.cohort_with_exchange(ctx.session, int(args[0]))
    if found is None:
        raise StaleButton
    await roles.ensure_staff_record(ctx)
    outcome = await _start_draft(ctx, found[0], args[1] == "s")
    return Outcome(in_place(outcome.replies))


async def _start_draft(ctx: Ctx, cohort: Cohort, schedule: bool) -> Outcome:
    ctx.keep_draft(DRAFT, {"cohort": cohort.id, "segment": "all", "schedule": schedule, "text": "",
                "html": False, "options": [], "send_at": None})
    ctx.go(AUDIENCE_STEP)
    return Outcome(tuple(await audience_prompt(ctx)))


async def _draft_cohort(ctx: Ctx) -> Cohort:
    """The draft's cohort, with the sender's right to it checked again (roles can change
    between two taps)."""
    found = await exchanges.cohort_with_exchange(ctx.session, _int(ctx.draft(DRAFT).get("cohort")))
    if found is None:
        raise StaleButton
    cohort = found[0]
    if not roles.reaches(ctx, cohort.id):
        raise PermissionError
    return cohort


def _expect(ctx: Ctx, args: list[str], *steps: str) -> None:
    """The checks every draft button starts with: no arguments, and the sender still at one
    of ``steps`` (a tap on an old preview is stale)."""
    if args:
        raise ForgedButton
    if ctx.me.step not in steps:
        raise StaleButton


def _cancel_row(ctx: Ctx) -> tuple[Button, ...]:
    return (buttons.button(ctx.t("bc-cancel"), "bcx"),)


@router.prompt(AUDIENCE_STEP)
async def audience_prompt(ctx: Ctx) -> Sequence[Reply]:
    cohort = await _draft_cohort(ctx)
    members = [m for m in await exchanges.members(ctx.session, cohort.id)
               if m.telegram_id != ctx.inbound.user_id]
    keyboard = (
        (buttons.button(ctx.t("bc-everyone", count=len(members)), "bca", "all"),),
        tuple(buttons.button(ctx.t(f"bc-by-{field}"), "bcf", field) for field in SEGMENT_FIELDS),
        _cancel_row(ctx),
    )
    return [Reply(ctx.t("bc-audience", cohort=cohort.name, count=len(members)), keyboard)]


@router.button("bcf")
async def pick_field(ctx: Ctx, args: list[str]) -> Outcome:
    if len(args) != 1 or args[0] not in SEGMENT_FIELDS:
        raise ForgedButton
    if ctx.me.step != AUDIENCE_STEP:
        raise StaleButton
    cohort = await _guarded_cohort(ctx)
    if isinstance(cohort, Outcome):
        return cohort
    field = args[0]
    counts: dict[str, int] = {}
    for member in await exchanges.members(ctx.session, cohort.id):
        value = _value(member, field)
        if value and member.telegram_id != ctx.inbound.user_id:
            counts[value] = counts.get(value, 0) + 1
    choices = [buttons.button(f"{value_label(ctx, field, value)} ({n})", "bca",
                              f"{field}={value}")
               for value, n in sorted(counts.items())[:12]]
    keyboard = (*buttons.rows(choices), (buttons.button(ctx.t("bc-back"), "bcb"),),
                _cancel_row(ctx))
    text = ctx.t("bc-pick-value") if choices else ctx.t("bc-no-values")
    return Outcome((Reply(text, keyboard, edit=True),))


@router.button("bcb")
async def back_to_audience(ctx: Ctx, args: list[str]) -> Outcome:
    _expect(ctx, args, AUDIENCE_STEP, PREVIEW_STEP)
    ctx.go(AUDIENCE_STEP)
    return Outcome(in_place(await audience_prompt(ctx)))


async def _guarded_cohort(ctx: Ctx) -> Cohort | Outcome:
    try:
        return await _draft_cohort(ctx)
    except PermissionError:
        ctx.keep_draft(DRAFT, None)
        ctx.go(MENU_STEP)
        return await refuse(ctx, "broadcast", "not-your-cohort")


@router.button("bca")
async def pick_segment(ctx: Ctx, args: list[str]) -> Outcome:
    segment = ":".join(args)
    field, _, value = segment.partition("=")
    if segment != "all" and (field not in SEGMENT_FIELDS or not value):
        raise ForgedButton
    if ctx.me.step != AUDIENCE_STEP:
        raise StaleButton
    cohort = await _guarded_cohort(ctx)
    if isinstance(cohort, Outcome):
        return cohort
    draft = ctx.draft(DRAFT)
    draft["segment"] = segment
    ctx.keep_draft(DRAFT, draft)
    ctx.go(PREVIEW_STEP if draft.get("text") else TEXT_STEP)
    replies = await ctx.current_prompt()
    return Outcome(in_place(replies))


# -- writing ---------------------------------------------------------------------------------
@router.prompt(TEXT_STEP)
async def text_prompt(ctx: Ctx) -> Sequence[Reply]:
    return [Reply(ctx.t("bc-write", max=MAX_BROADCAST), (_cancel_row(ctx),))]


@router.text(TEXT_STEP, max_length=4096)
async def take_text(ctx: Ctx) -> Outcome:
    text = ctx.inbound.text.strip()
    if not text:
        return Outcome((Reply(ctx.t("bc-empty")), *await text_prompt(ctx)))
    if len(text) > MAX_BROADCAST:
        return Outcome((Reply(ctx.t("bc-too-long", length=len(text), max=MAX_BROADCAST)),
                        *await text_prompt(ctx)))
    draft = ctx.draft(DRAFT)
    draft["text"] = text
    ctx.keep_draft(DRAFT, draft)
    ctx.go(WHEN_STEP if draft.get("schedule") and not draft.get("send_at") else PREVIEW_STEP)
    return Outcome(tuple(await ctx.current_prompt()))


@router.prompt(OPTIONS_STEP)
async def options_prompt(ctx: Ctx) -> Sequence[Reply]:
    return [Reply(ctx.t("bc-options", max=MAX_OPTIONS, length=MAX_OPTION),
                  (_cancel_row(ctx),))]


@router.text(OPTIONS_STEP)
async def take_options(ctx: Ctx) -> Outcome:
    options = [" ".join(o.split()) for o in ctx.inbound.text.split("|")]
    options = [o for o in options if o]
    if not 2 <= len(options) <= MAX_OPTIONS or any(len(o) > MAX_OPTION for o in options) \
            or len(set(options)) != len(options):
        return Outcome((Reply(ctx.t("bc-options-bad", max=MAX_OPTIONS, length=MAX_OPTION)),))
    draft = ctx.draft(DRAFT)
    draft["options"] = options
    ctx.keep_draft(DRAFT, draft)
    ctx.go(PREVIEW_STEP)
    return Outcome(tuple(await ctx.current_prompt()))


# -- when (for /schedule) ------------------------------------------------------------------
_IN = re.compile(r"in\s+(\d{1,3})\s*([mhd])", re.IGNORECASE)
_AT = re.compile(r"(?:(\d{4}-\d{2}-\d{2})\s+)?(\d{1,2})[:.](\d{2})")


def parse_when(text: str, now: datetime, zone: tzinfo) -> datetime | None:
    """``in 2h`` / ``in 30m`` / ``in 3d``, ``18:00`` (the next one), or
    ``2026-12-01 18:00`` in ``zone``; returns UTC."""
    text = text.strip()
    relative = _IN.fullmatch(text)
    if relative:
        amount, unit = int(relative.group(1)), relative.group(2).lower()
        return now + timedelta(**{{"m": "minutes", "h": "hours", "d": "days"}[unit]: amount})
    at = _AT.fullmatch(text)
    if not at:
        return None
    day, hour, minute = at.group(1), int(at.group(2)), int(at.group(3))
    if hour > 23 or minute > 59:
        return None
    local_now = now.astimezone(zone)
    try:
        base = datetime.fromisoformat(day).date() if day else local_now.date()
    except ValueError:
        return None
    local = datetime(base.year, base.month, base.day, hour, minute, tzinfo=zone)
    if not day and local <= local_now:
        local += timedelta(days=1)  # "18:00" after six means tomorrow's
    return local.astimezone(UTC)


def when_example(ctx: Ctx) -> str:
    """A date and time to copy that is always ahead: tomorrow at 18:00 where the sender is.
    Written as it is typed (year-month-day), not as dates are shown: it is what to type."""
    tomorrow = ctx.now().astimezone(ctx.zone).date() + timedelta(days=1)
    return f"{tomorrow.isoformat()} 18:00"


@router.prompt(WHEN_STEP)
async def when_prompt(ctx: Ctx) -> Sequence[Reply]:
    return [Reply(ctx.t("bc-when", zone=ctx.zone_name, example=when_example(ctx)),
                  (_cancel_row(ctx),))]


@router.text(WHEN_STEP)
async def take_when(ctx: Ctx) -> Outcome:
    now = ctx.now()
    when = parse_when(ctx.inbound.text, now, ctx.zone)
    if when is None:
        return Outcome((Reply(ctx.t("bc-when-bad", example=when_example(ctx))),
                        *await when_prompt(ctx)))
    if when <= now or when - now > MAX_AHEAD:
        return Outcome((Reply(ctx.t("bc-when-range")), *await when_prompt(ctx)))
    draft = ctx.draft(DRAFT)
    draft["send_at"] = when.isoformat()
    ctx.keep_draft(DRAFT, draft)
    ctx.go(PREVIEW_STEP)
    return Outcome(tuple(await ctx.current_prompt()))


def _local(ctx: Ctx, moment: datetime) -> str:
    """When a broadcast goes out, as the sender writes dates, in their zone (named)."""
    return f"{format_datetime(ctx.lang, moment, ctx.zone)} ({ctx.zone_name})"


# -- preview and confirm -------------------------------------------------------------------
def segment_label(ctx: Ctx, segment: str) -> str:
    """Who a broadcast is for, in words: "everyone", "Region: Asia & Pacific"."""
    if segment == "all":
        return ctx.t("bc-segment-all")
    field, _, value = segment.partition("=")
    return ctx.t("bc-segment", field=ctx.t(f"bc-by-{field}"),
                 value=value_label(ctx, field, value))


def render(translator: Translator, lang: str, text: str, *, is_html: bool,
           sender: str | None) -> str:
    """What a recipient sees: who it is from, then the text as the sender wrote it."""
    who = sender or translator.format(lang, "bc-from-staff")
    head = translator.format(lang, "bc-from", {"sender": html.escape(who) if is_html else who})
    return f"{head}\n\n{text}"


@router.prompt(PREVIEW_STEP)
async def preview_prompt(ctx: Ctx) -> Sequence[Reply]:
    cohort = await _draft_cohort(ctx)
    draft = ctx.draft(DRAFT)
    segment, text = str(draft.get("segment") or "all"), str(draft.get("text") or "")
    is_html = bool(draft.get("html"))
    options = [str(o) for o in draft.get("options") or []]  # type: ignore[attr-defined]
    found = await audience(ctx.session, cohort.id, segment, ctx.inbound.user_id)
    send_at = draft.get("send_at")
    when = _local(ctx, datetime.fromisoformat(str(send_at))) if send_at else ctx.t("bc-now")
    problem = telegram_html.problem(text) if is_html else None
    as_html = is_html and not problem  # a text Telegram would refuse is shown as typed
    esc = html.escape if as_html else (lambda s: s)
    head = ctx.t("bc-preview", cohort=esc(cohort.name), segment=esc(segment_label(ctx, segment)),
                 count=len(found.recipients), consent=found.skipped_consent,
                 blocked=found.skipped_blocked, when=esc(when))
    body = render(ctx.deps.translator, ctx.lang, text, is_html=as_html, sender=ctx.me.alias)
    lines = [head, "———", body]
    if options:
        lines.append("———\n" + esc(ctx.t("bc-preview-options", options=" | ".join(options))))
    if problem:
        lines.append(esc(ctx.t("bc-format-problem", problem=problem)))
    if not found.recipients:
        lines.append(esc(ctx.t("bc-nobody")))
    go_label = ctx.t("bc-confirm-schedule" if draft.get("schedule") else "bc-confirm",
                     count=len(found.recipients))
    keyboard: list[tuple[Button, ...]] = []
    if found.recipients and not problem:
        keyboard.append((buttons.button(go_label, "bcgo"),))
    keyboard.append((
        buttons.button(ctx.t("bc-options-remove" if options else "bc-options-add"), "bco"),
        buttons.button(ctx.t("bc-format-on" if is_html else "bc-format-off"), "bch")))
    keyboard.append((buttons.button(ctx.t("bc-edit-text"), "bce"),
                     buttons.button(ctx.t("bc-change-audience"), "bcb")))
    keyboard.append(_cancel_row(ctx))
    return [Reply("\n".join(lines), tuple(keyboard), html=as_html)]


async def _preview_edit(ctx: Ctx) -> Outcome:
    return Outcome(in_place(await preview_prompt(ctx)))


@router.button("bch")
async def toggle_format(ctx: Ctx, args: list[str]) -> Outcome:
    _expect(ctx, args, PREVIEW_STEP)
    draft = ctx.draft(DRAFT)
    draft["html"] = not draft.get("html")
    ctx.keep_draft(DRAFT, draft)
    return await _preview_edit(ctx)


@router.button("bco")
async def toggle_options(ctx: Ctx, args: list[str]) -> Outcome:
    _expect(ctx, args, PREVIEW_STEP)
    draft = ctx.draft(DRAFT)
    if draft.get("options"):
        draft["options"] = []
        ctx.keep_draft(DRAFT, draft)
        return await _preview_edit(ctx)
    ctx.go(OPTIONS_STEP)
    return Outcome(in_place(await options_prompt(ctx)))


@router.button("bce")
async def edit_text(ctx: Ctx, args: list[str]) -> Outcome:
    _expect(ctx, args, PREVIEW_STEP)
    ctx.go(TEXT_STEP)
    return Outcome(in_place(await text_prompt(ctx)))


@router.button("bcx")
async def cancel_draft(ctx: Ctx, args: list[str]) -> Outcome:
    _expect(ctx, args, AUDIENCE_STEP, TEXT_STEP, OPTIONS_STEP, WHEN_STEP, PREVIEW_STEP)
    ctx.keep_draft(DRAFT, None)
    ctx.go(MENU_STEP)
    return Outcome((Reply(ctx.t("bc-cancelled"), edit=True),))


@router.button("bcgo")
async def confirm(ctx: Ctx, args: list[str]) -> Outcome:
    _expect(ctx, args, PREVIEW_STEP)  # a second tap, or a preview from before
    cohort = await _guarded_cohort(ctx)
    if isinstance(cohort, Outcome):
        return cohort
    draft = ctx.draft(DRAFT)
    text = str(draft.get("text") or "")
    is_html = bool(draft.get("html"))
    if not text or (is_html and telegram_html.problem(text)):
        raise StaleButton
    send_at = draft.get("send_at")
    now = ctx.now()
    item = Broadcast(
        sender_id=ctx.inbound.user_id, cohort_id=cohort.id,
        segment=str(draft.get("segment") or "all"), text=text, html=is_html,
        options=[str(o) for o in draft.get("options") or []],  # type: ignore[attr-defined]
        send_at=datetime.fromisoformat(str(send_at)) if send_at else now,
        status="scheduled" if send_at else "queued", total=0, skipped_consent=0,
        skipped_blocked=0, created_at=now,
        status_message_id=None if send_at else ctx.inbound.message_id)
    ctx.session.add(item)
    await ctx.session.flush()
    ctx.keep_draft(DRAFT, None)
    ctx.go(MENU_STEP)
    if send_at:
        await record(ctx, "schedule", "ok", f"#{item.id} {cohort.slug}")
        return Outcome((Reply(ctx.t("bc-scheduled", id=item.id, when=_local(ctx, item.send_at)),
                              edit=True),))
    messages = await fan_out(ctx.session, ctx.deps.translator, item, now)
    await ctx.enqueue(messages)
    await record(ctx, "broadcast", "ok", f"#{item.id} {cohort.slug} {len(messages)}")
    log.info("broadcast_queued id=%s recipients=%d", item.id, len(messages))
    return Outcome((Reply(status_text(ctx.deps.translator, ctx.lang, item, {}), edit=True),))


async def fan_out(session: AsyncSession, translator: Translator, item: Broadcast,
                  now: datetime) -> list[outbox.NewMessage]:
    """One outbox message per recipient, each in the recipient's language; the audience is
    taken now (for a scheduled prompt: when it is due, so later consent changes count)."""
    found = await audience(session, item.cohort_id, item.segment, item.sender_id)
    sender = await participants.get(session, item.sender_id)
    alias = sender.alias if sender else None
    keyboard = _answer_rows(item, None)
    item.total = len(found.recipients)
    item.skipped_consent, item.skipped_blocked = found.skipped_consent, found.skipped_blocked
    cohort = await session.get(Cohort, item.cohort_id)
    return [outbox.NewMessage(
        key=f"bc:{item.id}:{person.id}", chat_id=person.telegram_id, participant_id=person.id,
        broadcast_id=item.id, html=item.html, buttons=keyboard, lane=outbox.BULK,
        exchange_id=cohort.exchange_id if cohort else None,
        text=render(translator, person.language, item.text, is_html=item.html, sender=alias))
        for person in found.recipients]


def _answer_rows(item: Broadcast, chosen: int | None) -> outbox.ButtonRows:
    return tuple(((("✓ " if i == chosen else "") + option, buttons.data("ba", str(item.id),
                                                                         str(i))),)
                 for i, option in enumerate(item.options))


# -- recipients' answers ---------------------------------------------------------------------
@router.button("ba")
async def answer(ctx: Ctx, args: list[str]) -> Outcome:
    if len(args) != 2 or not all(a.isdigit() for a in args):
        raise ForgedButton
    item = await ctx.session.get(Broadcast, int(args[0]))
    choice = int(args[1])
    if item is None or choice >= len(item.options) or not await broadcasts.was_sent_to(
            ctx.session, item.id, ctx.me.id):
        raise ForgedButton
    await broadcasts.record_answer(ctx.session, item.id, ctx.me.id, choice, ctx.now())
    sender = await participants.get(ctx.session, item.sender_id) \
        if item.sender_id != ctx.me.telegram_id else ctx.me
    text = render(ctx.deps.translator, ctx.lang, item.text, is_html=item.html,
                  sender=sender.alias if sender else None)
    keyboard = tuple(tuple(Button(label, data) for label, data in row)
                     for row in _answer_rows(item, choice))
    return Outcome((Reply(text, keyboard, edit=True, html=item.html),),
                   toast=ctx.t("bc-answer-thanks", answer=item.options[choice]))


# -- status ----------------------------------------------------------------------------------
def _bar(done: int, total: int, width: int = 10) -> str:
    filled = round(width * done / total) if total else width
    return "▰" * filled + "▱" * (width - filled)


def status_text(translator: Translator, lang: str, item: Broadcast,
                counts: dict[str, int]) -> str:
    sent, unreachable = counts.get(outbox.SENT, 0), counts.get(outbox.UNREACHABLE, 0)
    failed = counts.get(outbox.FAILED, 0)
    pending = outbox.in_flight(counts)
    settled = sum(counts.values()) - pending  # nothing is counted before its rows exist
    args = {"id": item.id, "sent": sent, "total": item.total, "bar": _bar(settled, item.total),
            "unreachable": unreachable, "failed": failed, "pending": pending,
            "consent": item.skipped_consent, "blocked": item.skipped_blocked}
    key = "bc-status-done" if pending == 0 and counts else "bc-status-sending"
    text = translator.format(lang, key, args)
    if item.html and counts.get(outbox.FAILED, 0):
        text += "\n" + translator.format(lang, "bc-status-format-refused")
    if counts.get(outbox.UNKNOWN, 0):
        text += "\n" + translator.format(lang, "bc-status-uncertain",
                                         {"uncertain": counts[outbox.UNKNOWN]})
    return text


def resend_rows(translator: Translator, lang: str, item: Broadcast,
                counts: dict[str, int]) -> tuple[tuple[Button, ...], ...]:
    """The one button that sends the broadcast again to just the people whose copy's fate
    is unknown; none while there are none."""
    uncertain = counts.get(outbox.UNKNOWN, 0)
    if not uncertain:
        return ()
    label = translator.format(lang, "bc-resend-uncertain", {"uncertain": uncertain})
    return ((buttons.button(label, "bcr", str(item.id)),),)


async def report_progress(app: App, api: BotApi, broadcast_ids: set[int]) -> None:
    """The dispatcher's news for senders: edit each live status message; tell the sender of
    a scheduled prompt (which has no status message) once it has all gone out."""
    from bot.ports import CannotEdit, NotModified, Rejected

    edits: list[tuple[int, int, str, tuple[tuple[Button, ...], ...]]] = []
    async with app.sessions() as session:
        notices = []
        for broadcast_id in sorted(broadcast_ids):
            item = await session.get(Broadcast, broadcast_id)
            if item is None:
                continue
            counts = await outbox.counts(session, broadcast_id)
            pending = outbox.in_flight(counts)
            sender = await participants.get(session, item.sender_id)
            lang = sender.language if sender else DEFAULT_LANGUAGE
            text = status_text(app.deps.translator, lang, item, counts)
            keyboard = resend_rows(app.deps.translator, lang, item, counts)
            if pending == 0 and item.status == "queued":
                item.status = "done"
                if item.status_message_id is None:
                    notices.append(outbox.NewMessage(
                        key=f"bcdone:{item.id}", chat_id=item.sender_id, text=text,
                        lane=outbox.PERSONAL,
                        buttons=tuple(tuple((b.label, b.data) for b in row)
                                      for row in keyboard)))
            if item.status_message_id is not None and item.sender_id:  # 0: forgotten
                edits.append((item.sender_id, item.status_message_id, text, keyboard))
        added = await outbox.enqueue(session, notices, app.deps.clock.now())
        await session.commit()
    if added:
        app.outbox_changed.set()
    for chat_id, message_id, text, keyboard in edits:
        with contextlib.suppress(NotModified, CannotEdit, Rejected):
            await api.edit_text(chat_id, message_id, text, keyboard)


async def release_due(app: App) -> int:
    """Scheduled prompts whose time has come: write their outbox rows (once: the broadcast
    leaves ``scheduled`` in the same transaction, and row keys are unique)."""
    now = app.deps.clock.now()
    async with app.sessions() as session:
        due = await broadcasts.due(session, now)
        for item in due:
            messages = await fan_out(session, app.deps.translator, item, now)
            await outbox.enqueue(session, messages, now)
            item.status = "queued"
            if not messages:
                item.status = "done"
            log.info("broadcast_released id=%s recipients=%d", item.id, len(messages))
        await session.commit()
    if due:
        app.outbox_changed.set()
    return len(due)


# -- /broadcasts -------------------------------------------------------------------------
@router.command("broadcasts", public=True)
async def list_broadcasts(ctx: Ctx) -> Outcome:
    coordinator = roles.is_coordinator(ctx)
    if not coordinator and not roles.is_facilitator(ctx):
        return await refuse(ctx, "broadcasts", "staff-only")
    cohort_id = None if coordinator else ctx.me.cohort_id
    items = await broadcasts.latest(ctx.session, cohort_id)
    await record(ctx, "broadcasts", "ok")
    if not items:
        return Outcome((Reply(ctx.t("bc-list-empty")),))
    lines = [ctx.t("bc-list-title")]
    keyboard: list[tuple[Button, ...]] = []
    for item, cohort_slug in items:
        line, counts = await _line(ctx, item, cohort_slug)
        lines.append(line)
        keyboard.extend(resend_rows(ctx.deps.translator, ctx.lang, item, counts))
        if item.status == "scheduled":
            keyboard.append((buttons.button(ctx.t("bc-cancel-scheduled", id=item.id),
                                            "bcdel", str(item.id)),))
    return Outcome((Reply("\n\n".join(lines), tuple(keyboard)),))


async def _line(ctx: Ctx, item: Broadcast, cohort_slug: str) -> tuple[str, dict[str, int]]:
    head = f"#{item.id} · {cohort_slug} · {segment_label(ctx, item.segment)}"
    if item.status in ("scheduled", "cancelled"):
        return f"{head}\n" + ctx.t(f"bc-line-{item.status}",
                                   when=_local(ctx, item.send_at)), {}
    counts = await outbox.counts(ctx.session, item.id)
    pending = outbox.in_flight(counts)
    line = f"{head}\n" + ctx.t(
        "bc-line", when=_local(ctx, item.send_at), sent=counts.get(outbox.SENT, 0),
        total=item.total, pending=pending, unreachable=counts.get(outbox.UNREACHABLE, 0),
        failed=counts.get(outbox.FAILED, 0))
    if counts.get(outbox.UNKNOWN, 0):
        line += " · " + ctx.t("bc-line-uncertain", uncertain=counts[outbox.UNKNOWN])
    if item.options:
        tally = await broadcasts.answer_counts(ctx.session, item.id)
        line += "\n" + ctx.t("bc-line-answers", answers=" · ".join(
            f"{option} {tally.get(i, 0)}" for i, option in enumerate(item.options)))
    return line, counts


async def _pressed_broadcast(ctx: Ctx, args: list[str], action: str) -> Broadcast | Outcome:
    """The broadcast a staff button names, or the refusal if it is not the presser's."""
    if len(args) != 1 or not BROADCAST_ID.fullmatch(args[0]):
        raise ForgedButton
    item = await ctx.session.get(Broadcast, int(args[0]))
    if item is None:
        raise ForgedButton
    if not roles.reaches(ctx, item.cohort_id):
        return await refuse(ctx, action, "not-your-cohort", f"#{item.id}")
    return item


async def _scheduled(ctx: Ctx, args: list[str]) -> Broadcast | Outcome:
    """The still scheduled broadcast a cancel button names (gone out, or cancelled by
    someone else meanwhile: stale)."""
    item = await _pressed_broadcast(ctx, args, "cancel")
    if isinstance(item, Outcome):
        return item
    if item.status != "scheduled":
        raise StaleButton
    return item


@router.button("bcdel")
async def ask_cancel_scheduled(ctx: Ctx, args: list[str]) -> Outcome:
    """A tap on "Cancel #n" in a long list is easy to get wrong: ask first."""
    item = await _scheduled(ctx, args)
    if isinstance(item, Outcome):
        return item
    cohort = await ctx.session.get(Cohort, item.cohort_id)
    ident = str(item.id)
    keyboard = ((buttons.button(ctx.t("bc-cancel-yes", id=item.id), "bcdy", ident),
                 buttons.button(ctx.t("bc-cancel-keep"), "bcdk", ident)),)
    return Outcome((Reply(ctx.t("bc-cancel-ask", id=item.id, when=_local(ctx, item.send_at),
                                cohort=cohort.name if cohort else "-",
                                segment=segment_label(ctx, item.segment)), keyboard),))


@router.button("bcdy")
async def cancel_scheduled(ctx: Ctx, args: list[str]) -> Outcome:
    item = await _scheduled(ctx, args)
    if isinstance(item, Outcome):
        return item
    item.status = "cancelled"
    await record(ctx, "cancel", "ok", f"#{item.id}")
    done = ctx.t("bc-cancelled-scheduled", id=item.id)
    return Outcome((Reply(done, edit=True),), toast=done)


@router.button("bcdk")
async def keep_scheduled(ctx: Ctx, args: list[str]) -> Outcome:
    item = await _scheduled(ctx, args)
    if isinstance(item, Outcome):
        return item
    return Outcome((Reply(ctx.t("bc-cancel-kept", id=item.id, when=_local(ctx, item.send_at)),
                          edit=True),))


@router.button("bcr", public=True)
async def resend_uncertain(ctx: Ctx, args: list[str]) -> Outcome:
    """Send a broadcast again to just the people whose copy's fate is unknown, each copy
    marked as a possible repeat. A second press finds nobody uncertain left."""
    item = await _pressed_broadcast(ctx, args, "resend")
    if isinstance(item, Outcome):
        return item
    added = await outbox.resend_unknown(ctx.session, item.id, ctx.now())
    if not added:
        return Outcome(toast=ctx.t("bc-resend-none", id=item.id))
    ctx.queued = True
    if item.status == "done":  # its status message follows the new copies again
        item.status = "queued"
    await record(ctx, "resend", "ok", f"#{item.id} {added}")
    log.info("broadcast_resent id=%s recipients=%d", item.id, added)
    return Outcome((Reply(ctx.t("bc-resent", id=item.id, count=added)),))

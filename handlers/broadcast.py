"""Writing a broadcast: ``/broadcast`` and ``/schedule`` (cohort → audience → text → when →
preview → confirm), a staff member's conversation kept in their step data so it survives
restarts.

Nothing is sent from here: confirming writes one outbox row per recipient, in the same
transaction as the broadcast (:func:`handlers.broadcast_audience.fan_out`), and the
dispatcher does the sending; a scheduled one is released when due by
:mod:`handlers.broadcast_jobs`. How sent ones stand is :mod:`handlers.broadcast_status`.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.core import Button, Outcome, Reply, in_place
from handlers import buttons, roles, telegram_html
from handlers.broadcast_audience import (
    SEGMENT_FIELDS,
    audience,
    fan_out,
    render,
    segment_label,
    segment_value,
    value_label,
)
from handlers.broadcast_status import send_time, status_text
from handlers.context import Ctx, ForgedButton, StaleButton
from handlers.menu import MENU_STEP
from handlers.roles import cohort_in_reach, record, refuse
from handlers.router import Router
from handlers.typed_times import parse_when
from storage import broadcasts, exchanges
from storage.models import Cohort

log = logging.getLogger(__name__)

AUDIENCE_STEP, TEXT_STEP, OPTIONS_STEP = "bc:audience", "bc:text", "bc:options"
WHEN_STEP, PREVIEW_STEP = "bc:when", "bc:preview"
DRAFT = "bc"  # where the half-done conversation waits, in the step data
MAX_BROADCAST = 3000  # leaves room for the header under Telegram's 4096
MAX_OPTIONS, MAX_OPTION = 4, 24
MAX_AHEAD = timedelta(days=366)

router = Router()


# -- the draft, kept in the sender's step data so it survives restarts --------------------
def _int(value: object) -> int:
    return value if isinstance(value, int) else 0


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
        value = segment_value(member, field)
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


@router.prompt(PREVIEW_STEP)
async def preview_prompt(ctx: Ctx) -> Sequence[Reply]:
    cohort = await _draft_cohort(ctx)
    draft = ctx.draft(DRAFT)
    segment, text = str(draft.get("segment") or "all"), str(draft.get("text") or "")
    is_html = bool(draft.get("html"))
    options = [str(o) for o in draft.get("options") or []]  # type: ignore[attr-defined]
    found = await audience(ctx.session, cohort.id, segment, ctx.inbound.user_id)
    send_at = draft.get("send_at")
    when = send_time(ctx, datetime.fromisoformat(str(send_at))) if send_at else ctx.t("bc-now")
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
    item = await broadcasts.create(
        ctx.session, sender_id=ctx.inbound.user_id, cohort_id=cohort.id,
        segment=str(draft.get("segment") or "all"), text=text, is_html=is_html,
        options=[str(o) for o in draft.get("options") or []],  # type: ignore[attr-defined]
        send_at=datetime.fromisoformat(str(send_at)) if send_at else None, now=now,
        status_message_id=None if send_at else ctx.inbound.message_id)
    ctx.keep_draft(DRAFT, None)
    ctx.go(MENU_STEP)
    if send_at:
        await record(ctx, "schedule", "ok", f"#{item.id} {cohort.slug}")
        return Outcome((Reply(ctx.t("bc-scheduled", id=item.id, when=send_time(ctx, item.send_at)),
                              edit=True),))
    messages = await fan_out(ctx.session, ctx.deps.translator, item, now)
    await ctx.enqueue(messages)
    await record(ctx, "broadcast", "ok", f"#{item.id} {cohort.slug} {len(messages)}")
    log.info("broadcast_queued id=%s recipients=%d", item.id, len(messages))
    return Outcome((Reply(status_text(ctx.deps.translator, ctx.lang, item, {}), edit=True),))



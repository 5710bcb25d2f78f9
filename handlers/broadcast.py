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
from datetime import timedelta

from pydantic import AwareDatetime, Field

from bot.core import Button, Outcome, Reply, in_place
from handlers import buttons, roles, telegram_html
from handlers.broadcast_audience import (
    SEGMENT,
    SEGMENT_FIELDS,
    audience,
    fan_out,
    render,
    segment_label,
    segment_value,
    value_label,
)
from handlers.broadcast_status import send_time, status_text
from handlers.context import Ctx, StaleButton
from handlers.drafts import Draft, Slot
from handlers.guards import Choice
from handlers.menu import MENU_STEP
from handlers.roles import COORDINATORS, STAFF, cohort_in_reach, record, refuse
from handlers.router import Router
from handlers.typed_times import parse_when
from storage import broadcasts, exchanges
from storage.models import Cohort

log = logging.getLogger(__name__)

AUDIENCE_STEP, TEXT_STEP, OPTIONS_STEP = "bc:audience", "bc:text", "bc:options"
WHEN_STEP, PREVIEW_STEP = "bc:when", "bc:preview"
DRAFT_STEPS = (AUDIENCE_STEP, TEXT_STEP, OPTIONS_STEP, WHEN_STEP, PREVIEW_STEP)
MAX_BROADCAST = 3000  # leaves room for the header under Telegram's 4096
MAX_OPTIONS, MAX_OPTION = 4, 24
MAX_AHEAD = timedelta(days=366)

router = Router()


# -- the draft, kept in the sender's step data so it survives restarts --------------------
class BroadcastDraft(Draft):
    """The broadcast being written: for whom, what, and (``schedule``) when."""

    cohort: int
    segment: str = "all"
    schedule: bool = False  # /schedule: asks when before the preview
    text: str = ""
    html: bool = False
    options: list[str] = Field(default_factory=list)  # reply buttons
    send_at: AwareDatetime | None = None


DRAFT = Slot("bc", BroadcastDraft)


# -- starting ------------------------------------------------------------------------------
@router.command("broadcast", role=STAFF)
async def broadcast_command(ctx: Ctx) -> Outcome:
    return await _begin(ctx, "broadcast", schedule=False)


@router.command("schedule", role=STAFF)
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


@router.button("bcc", role=COORDINATORS, action="broadcast", args=(int, Choice("s", "n")))
async def pick_cohort(ctx: Ctx, cohort_id: int, flag: str) -> Outcome:
    found = await exchanges.cohort_with_exchange(ctx.session, cohort_id)
    if found is None:
        raise StaleButton
    await roles.ensure_staff_record(ctx)
    outcome = await _start_draft(ctx, found[0], flag == "s")
    return Outcome(in_place(outcome.replies))


async def _start_draft(ctx: Ctx, cohort: Cohort, schedule: bool) -> Outcome:
    DRAFT.save(ctx, BroadcastDraft(cohort=cohort.id, schedule=schedule))
    ctx.go(AUDIENCE_STEP)
    return Outcome(tuple(await audience_prompt(ctx)))


async def _draft_cohort(ctx: Ctx) -> Cohort:
    """The draft's cohort, with the sender's right to it checked again (roles can change
    between two taps)."""
    found = await exchanges.cohort_with_exchange(ctx.session, DRAFT.current(ctx).cohort)
    if found is None:
        raise StaleButton
    cohort = found[0]
    if not roles.reaches(ctx, cohort.id):
        raise PermissionError
    return cohort


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


@router.button("bcf", step=AUDIENCE_STEP, args=(Choice(*SEGMENT_FIELDS),))
async def pick_field(ctx: Ctx, field: str) -> Outcome:
    cohort = await _guarded_cohort(ctx)
    if isinstance(cohort, Outcome):
        return cohort
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


@router.button("bcb", step=(AUDIENCE_STEP, PREVIEW_STEP), args=())
async def back_to_audience(ctx: Ctx) -> Outcome:
    ctx.go(AUDIENCE_STEP)
    return Outcome(in_place(await audience_prompt(ctx)))


async def _guarded_cohort(ctx: Ctx) -> Cohort | Outcome:
    try:
        return await _draft_cohort(ctx)
    except PermissionError:
        DRAFT.drop(ctx)
        ctx.go(MENU_STEP)
        return await refuse(ctx, "broadcast", "not-your-cohort")


@router.button("bca", step=AUDIENCE_STEP, args=(SEGMENT,))
async def pick_segment(ctx: Ctx, segment: str) -> Outcome:
    cohort = await _guarded_cohort(ctx)
    if isinstance(cohort, Outcome):
        return cohort
    draft = DRAFT.current(ctx)
    draft.segment = segment
    DRAFT.save(ctx, draft)
    ctx.go(PREVIEW_STEP if draft.text else TEXT_STEP)
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
    draft = DRAFT.current(ctx)
    draft.text = text
    DRAFT.save(ctx, draft)
    ctx.go(WHEN_STEP if draft.schedule and not draft.send_at else PREVIEW_STEP)
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
    draft = DRAFT.current(ctx)
    draft.options = options
    DRAFT.save(ctx, draft)
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
    draft = DRAFT.current(ctx)
    draft.send_at = when
    DRAFT.save(ctx, draft)
    ctx.go(PREVIEW_STEP)
    return Outcome(tuple(await ctx.current_prompt()))


@router.prompt(PREVIEW_STEP)
async def preview_prompt(ctx: Ctx) -> Sequence[Reply]:
    cohort = await _draft_cohort(ctx)
    draft = DRAFT.current(ctx)
    segment, text, is_html, options = draft.segment, draft.text, draft.html, draft.options
    found = await audience(ctx.session, cohort.id, segment, ctx.inbound.user_id)
    when = send_time(ctx, draft.send_at) if draft.send_at else ctx.t("bc-now")
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
    go_label = ctx.t("bc-confirm-schedule" if draft.schedule else "bc-confirm",
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


@router.button("bch", step=PREVIEW_STEP, args=())
async def toggle_format(ctx: Ctx) -> Outcome:
    draft = DRAFT.current(ctx)
    draft.html = not draft.html
    DRAFT.save(ctx, draft)
    return await _preview_edit(ctx)


@router.button("bco", step=PREVIEW_STEP, args=())
async def toggle_options(ctx: Ctx) -> Outcome:
    draft = DRAFT.current(ctx)
    if draft.options:
        draft.options = []
        DRAFT.save(ctx, draft)
        return await _preview_edit(ctx)
    ctx.go(OPTIONS_STEP)
    return Outcome(in_place(await options_prompt(ctx)))


@router.button("bce", step=PREVIEW_STEP, args=())
async def edit_text(ctx: Ctx) -> Outcome:
    ctx.go(TEXT_STEP)
    return Outcome(in_place(await text_prompt(ctx)))


@router.button("bcx", step=DRAFT_STEPS, args=())
async def cancel_draft(ctx: Ctx) -> Outcome:
    DRAFT.drop(ctx)
    ctx.go(MENU_STEP)
    return Outcome((Reply(ctx.t("bc-cancelled"), edit=True),))


# Stale from anywhere but the preview: a second tap, or a preview from before.
@router.button("bcgo", step=PREVIEW_STEP, args=())
async def confirm(ctx: Ctx) -> Outcome:
    cohort = await _guarded_cohort(ctx)
    if isinstance(cohort, Outcome):
        return cohort
    draft = DRAFT.current(ctx)
    text, is_html, send_at = draft.text, draft.html, draft.send_at
    if not text or (is_html and telegram_html.problem(text)):
        raise StaleButton
    now = ctx.now()
    item = await broadcasts.create(
        ctx.session, sender_id=ctx.inbound.user_id, cohort_id=cohort.id,
        segment=draft.segment, text=text, is_html=is_html, options=draft.options,
        send_at=send_at, now=now, status_message_id=None if send_at else ctx.inbound.message_id)
    DRAFT.drop(ctx)
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



"""Coaching-circle check-ins after the exchange, ``/pause`` and ``/resume`` of every nudge, and
``/checkins`` (a coordinator sets an exchange's check-in days).

A check-in walks through the person's open commitments (done / in progress / blocked, an
optional note, and for a blocked one the offer of coaching-circle help), then asks how they are
(1-5), and at the exchange's last round offers to rate their skills again. The sweeps in
``scheduler.nudges`` send the invitations; everything here answers the person.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from datetime import timedelta

from pydantic import Field

from bot.core import Button, Outcome, Reply, in_place
from bot.i18n import format_date
from handlers import buttons
from handlers.consent import current_decision
from handlers.context import Ctx, ForgedButton, StaleButton
from handlers.drafts import Draft, Slot
from handlers.free_text import TYPED_NUMBER, ask_about_number, bare_number
from handlers.guards import Choice
from handlers.menu import MENU_STEP, main_menu
from handlers.roles import COORDINATORS, record
from handlers.router import Router
from storage import checkins, commitments, exchanges, outbox
from storage.models import Checkin, Commitment, Exchange

log = logging.getLogger(__name__)

COMMIT_STEP, NOTE_STEP, CIRCLE_STEP, WELL_STEP = "ci:commit", "ci:note", "ci:circle", "ci:well"
STATUSES = ("done", "progress", "blocked")
MAX_NOTE = 500
MAX_PAUSE_DAYS = 90
MAX_OFFSET = 730

router = Router()


# -- state ---------------------------------------------------------------------------------
class CheckinDraft(Draft):
    """The check-in being answered: its commitments, the one asked about (``i``), and the
    status just given to it."""

    id: int | None = None
    items: list[int] = Field(default_factory=list)
    i: int = 0
    keeps: bool = False  # the person keeps progress (asked only then)
    status: str | None = None


DRAFT = Slot("ci", CheckinDraft)


def _draft(ctx: Ctx) -> CheckinDraft:
    return DRAFT.load(ctx) or CheckinDraft()


async def _checkin(ctx: Ctx) -> Checkin:
    """The check-in the person is answering (a press from an old one is stale)."""
    checkin_id = _draft(ctx).id
    checkin = await checkins.get(ctx.session, checkin_id) if checkin_id is not None else None
    if checkin is None or checkin.participant_id != ctx.me.id or checkin.status == "answered":
        raise StaleButton
    return checkin


async def _current(ctx: Ctx) -> Commitment | None:
    state = _draft(ctx)
    if state.i >= len(state.items):
        return None
    return await commitments.owned(ctx.session, ctx.me.id, state.items[state.i])


# -- starting ------------------------------------------------------------------------------
@router.button("ci", args=(int,))
async def start(ctx: Ctx, checkin_id: int) -> Outcome:
    checkin = await checkins.get(ctx.session, checkin_id)
    if checkin is None or checkin.participant_id != ctx.me.id:
        raise ForgedButton
    if checkin.status == "answered":
        return Outcome((Reply(ctx.t("checkin-already")),))
    keeps = await current_decision(ctx, "progress")
    items = [c.id for c in await commitments.open_for(ctx.session, ctx.me.id)] if keeps else []
    DRAFT.save(ctx, CheckinDraft(id=checkin.id, items=items, keeps=keeps))
    ctx.go(COMMIT_STEP if items else WELL_STEP)
    return Outcome(in_place(await ctx.current_prompt()))


# -- commitments -----------------------------------------------------------------------------
@router.prompt(COMMIT_STEP)
async def commitment_prompt(ctx: Ctx) -> Sequence[Reply]:
    commitment = await _current(ctx)
    if commitment is None:  # dropped meanwhile: on to the next question
        return await _advance(ctx)
    state = _draft(ctx)
    text = ctx.t("checkin-commitment", number=state.i + 1, total=len(state.items),
                 what=commitment.what, due=format_date(ctx.lang, commitment.due_on))
    keyboard = (tuple(buttons.button(ctx.t(f"checkin-{s}"), "cis", str(commitment.id), s)
                      for s in STATUSES),)
    return [Reply(text, keyboard)]


@router.button("cis", step=COMMIT_STEP, args=(int, Choice(*STATUSES)))
async def commitment_status(ctx: Ctx, commitment_id: int, status: str) -> Outcome:
    checkin = await _checkin(ctx)
    commitment = await _current(ctx)
    if commitment is None or commitment.id != commitment_id:
        raise StaleButton
    await checkins.give_status(ctx.session, checkin.id, commitment.id, status, ctx.now())
    if status == "done":
        commitment.status, commitment.closed_at = "done", ctx.now()
    commitment.updated_at = ctx.now()
    state = _draft(ctx)
    state.status = status
    DRAFT.save(ctx, state)
    ctx.go(NOTE_STEP)
    return Outcome(in_place(await ctx.current_prompt()))


@router.prompt(NOTE_STEP)
async def note_prompt(ctx: Ctx) -> Sequence[Reply]:
    return [Reply(ctx.t("checkin-note", max=MAX_NOTE), ((_skip_note(ctx),),))]


def _skip_note(ctx: Ctx) -> Button:
    return buttons.button(ctx.t("checkin-skip"), "cin")


@router.text(NOTE_STEP, max_length=4096)
async def typed_note(ctx: Ctx) -> Outcome:
    note = ctx.inbound.text.strip()
    if len(note) > MAX_NOTE:
        return Outcome((Reply(ctx.t("checkin-note-too-long", length=len(note), max=MAX_NOTE)),
                        *await note_prompt(ctx)))
    checkin = await _checkin(ctx)
    commitment = await _current(ctx)
    number = bare_number(ctx)
    if number is not None and commitment is not None:  # Skip pressed by its number?
        return ask_about_number(ctx, number, ("cik", str(commitment.id), number),
                                _skip_note(ctx))
    return await _keep_note(ctx, checkin, commitment, note, edit=False)


@router.button("cik", step=NOTE_STEP, args=(int, TYPED_NUMBER))
async def keep_typed_number(ctx: Ctx, commitment_id: int, number: str) -> Outcome:
    """Keep it: the number typed as a note was meant as the note."""
    checkin = await _checkin(ctx)
    commitment = await _current(ctx)
    if commitment is None or commitment.id != commitment_id:
        raise StaleButton
    return await _keep_note(ctx, checkin, commitment, number, edit=True)


async def _keep_note(ctx: Ctx, checkin: Checkin, commitment: Commitment | None, note: str, *,
                     edit: bool) -> Outcome:
    if commitment is not None and note:
        answer = await checkins.answer(ctx.session, checkin.id, commitment.id)
        if answer is not None:
            answer.note = note  # the person keeps progress: asked only then
    return Outcome(in_place((Reply(ctx.t("checkin-note-kept")), *await _after_note(ctx)),
                            edit=edit))


@router.button("cin", step=NOTE_STEP, args=())
async def skip_note(ctx: Ctx) -> Outcome:
    await _checkin(ctx)
    return Outcome(in_place(await _after_note(ctx)))


async def _after_note(ctx: Ctx) -> Sequence[Reply]:
    if _draft(ctx).status == "blocked":
        ctx.go(CIRCLE_STEP)
        return await ctx.current_prompt()
    return await _advance(ctx)


@router.prompt(CIRCLE_STEP)
async def circle_prompt(ctx: Ctx) -> Sequence[Reply]:
    keyboard = ((buttons.button(ctx.t("checkin-circle-yes"), "cic", "y"),
                 buttons.button(ctx.t("checkin-circle-no"), "cic", "n")),)
    return [Reply(ctx.t("checkin-circle-ask"), keyboard)]


@router.button("cic", step=CIRCLE_STEP, args=(Choice("y", "n"),))
async def circle_answer(ctx: Ctx, answer: str) -> Outcome:
    checkin = await _checkin(ctx)
    commitment = await _current(ctx)
    lead: list[Reply] = []
    if answer == "y" and commitment is not None:
        told = await _ask_circle(ctx, checkin, commitment)
        lead.append(Reply(ctx.t("checkin-circle-told" if told else "checkin-circle-nobody")))
    replies = [*lead, *await _advance(ctx)]
    return Outcome(in_place(replies))


async def _ask_circle(ctx: Ctx, checkin: Checkin, commitment: Commitment) -> bool:
    """Tell the cohort's facilitator of the week (or, with none, its facilitators) that this
    person asks for help, with a link to write to them (they agreed to that by asking)."""
    answer = await checkins.answer(ctx.session, checkin.id, commitment.id)
    if answer is not None:
        answer.circle_requested = True
    cohort = (await exchanges.get_cohort(ctx.session, ctx.me.cohort_id)
              if ctx.me.cohort_id else None)
    if cohort is None:
        return False
    team = await exchanges.facilitators(ctx.session, cohort.id)
    week = [f for f in team if f.id == cohort.facilitator_id] or team
    messages = []
    for facilitator in week:
        translate = ctx.deps.translator
        # HTML, so the link can name the person without their username; the rest escaped.
        text = translate.format(facilitator.language, "checkin-circle-notice", {
            "cohort": html.escape(cohort.name), "what": html.escape(commitment.what),
            "due": format_date(facilitator.language, commitment.due_on),
            "note": html.escape((answer.note if answer else "") or "-"),
            "link": f'<a href="tg://user?id={ctx.inbound.user_id}">'
                    + html.escape(translate.format(facilitator.language,
                                                   "checkin-circle-write")) + "</a>"})
        messages.append(outbox.NewMessage(
            key=f"circle:{checkin.id}:{commitment.id}:{facilitator.id}",
            chat_id=facilitator.telegram_id, participant_id=facilitator.id, text=text,
            html=True, lane=outbox.PERSONAL))  # asked for by the person, now
    await ctx.enqueue(messages)
    log.info("circle_requested checkin=%s facilitators=%d", checkin.id, len(messages))
    return bool(messages)


async def _advance(ctx: Ctx) -> Sequence[Reply]:
    """On to the next commitment, or to the wellbeing question."""
    state = _draft(ctx)
    state.i += 1
    state.status = None
    DRAFT.save(ctx, state)
    if state.i < len(state.items):
        ctx.go(COMMIT_STEP)
    else:
        ctx.go(WELL_STEP)
    return await ctx.current_prompt()


# -- wellbeing and the end -----------------------------------------------------------------
@router.prompt(WELL_STEP)
async def wellbeing_prompt(ctx: Ctx) -> Sequence[Reply]:
    keyboard = (tuple(buttons.button(str(n), "ciw", str(n)) for n in range(1, 6)),)
    return [Reply(ctx.t("checkin-wellbeing"), keyboard)]


@router.button("ciw", step=WELL_STEP, args=(Choice(*"12345"),))
async def wellbeing(ctx: Ctx, answer: str) -> Outcome:
    checkin = await _checkin(ctx)
    checkin.wellbeing = int(answer)
    checkin.status, checkin.answered_at = "answered", ctx.now()
    DRAFT.drop(ctx)
    ctx.go(MENU_STEP)
    exchange = await exchanges.get_exchange(ctx.session, checkin.exchange_id)
    last = exchange is not None and checkin.offset_days >= max(exchange.checkin_offsets)
    text = ctx.t("checkin-thanks")
    if checkin.wellbeing <= 2:
        text += "\n\n" + ctx.t("checkin-care")
    if last:  # the before/after picture of the exchange's evaluation
        keyboard = ((buttons.button(ctx.t("assess-start"), "asm", "go"),
                     buttons.button(ctx.t("assess-later"), "asm", "later")),)
        return Outcome((Reply(text + "\n\n" + ctx.t("checkin-rate-again"), keyboard,
                              edit=True),))
    return Outcome((Reply(text, edit=True), main_menu(ctx)))


# -- pause and resume ------------------------------------------------------------------------
@router.command("pause")
async def pause(ctx: Ctx) -> Outcome:
    arg = ctx.inbound.args.strip()
    if not arg.isdigit() or not 1 <= int(arg) <= MAX_PAUSE_DAYS:
        return Outcome((Reply(ctx.t("pause-usage", max=MAX_PAUSE_DAYS)),))
    until = ctx.now() + timedelta(days=int(arg))
    ctx.me.paused_until = until
    day = format_date(ctx.lang, until, zone=ctx.zone)
    return Outcome((Reply(ctx.t("pause-done", date=day)),))


@router.command("resume")
async def resume(ctx: Ctx) -> Outcome:
    was = ctx.me.paused_until is not None and ctx.me.paused_until > ctx.now()
    ctx.me.paused_until = None
    return Outcome((Reply(ctx.t("resume-done" if was else "resume-not-paused")),))


# -- /checkins -------------------------------------------------------------------------------
@router.command("checkins", role=COORDINATORS)
async def set_offsets(ctx: Ctx) -> Outcome:
    """``/checkins <exchange>`` shows the days; ``/checkins <exchange> 7,30`` sets them."""
    args = " ".join(ctx.inbound.args.split())
    if not args:
        return Outcome((Reply(ctx.t("checkins-usage")),))
    # The whole text first: an exchange may be called "Nairobi 2026".
    named = await exchanges.find_exchange(ctx.session, args)
    if named is not None:
        await record(ctx, "checkins", "ok", named.slug)
        return Outcome((Reply(_schedule(ctx, named)),))
    handle, _, raw = args.rpartition(" ")
    if not handle:
        return Outcome((Reply(ctx.t("exchange-unknown")),))
    exchange = await exchanges.find_exchange(ctx.session, handle)
    if exchange is None:
        return Outcome((Reply(ctx.t("exchange-unknown")),))
    try:
        # Arabic keyboards type "،" for a comma.
        offsets = sorted({int(p) for p in raw.replace("،", ",").split(",")})
    except ValueError:
        return Outcome((Reply(ctx.t("checkins-usage")),))
    if not 1 <= len(offsets) <= 8 or offsets[0] < 1 or offsets[-1] > MAX_OFFSET:
        return Outcome((Reply(ctx.t("checkins-usage")),))
    exchange.checkin_offsets = offsets
    await record(ctx, "checkins", "ok", f"{exchange.slug} {','.join(map(str, offsets))}")
    days = ", ".join(f"+{o}" for o in offsets)
    return Outcome((Reply(ctx.t("checkins-done", exchange=exchange.name, days=days)),))


def _schedule(ctx: Ctx, exchange: Exchange) -> str:
    offsets = sorted(exchange.checkin_offsets)
    return ctx.t("checkins-current", exchange=exchange.name, slug=exchange.slug,
                 end=format_date(ctx.lang, exchange.ends_on),
                 days=", ".join(f"+{o}" for o in offsets),
                 dates=", ".join(format_date(ctx.lang, exchange.ends_on + timedelta(days=o))
                                 for o in offsets))

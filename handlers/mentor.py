"""Mentoring for participants, ``/mentor``: offer to mentor or ask for a mentor, then talk with
the other person through the bot, share Telegram accounts (only when both choose to), end the
pairing, or report a problem to the safety contacts. Pairing people is staff work:
``handlers.mentor_pairing``.

The bot is a relay: the other side sees "Your mentor:" or "Your mentee:" and the text, never
the sender's name or account. Relayed text lives only in the outbox row that carries it; it
is never logged, and the sender's answer does not repeat it.
"""

from __future__ import annotations

import html
import logging
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from bot.core import MAX_TEXT, Button, Outcome, Reply
from bot.i18n import format_date
from bot.local_time import format_clock, in_quiet_hours, local
from handlers import buttons
from handlers.context import Ctx, ForgedButton, StaleButton
from handlers.guards import Choice, Maybe, onboarded
from handlers.mentor_match import can_mentor
from handlers.menu import MENU_STEP, main_menu
from handlers.router import Router
from storage import mentorship, outbox
from storage.mentorship import ACTIVE, ASK, ENDED, MENTEE, MENTOR, OFFER
from storage.models import Pairing, Participant

log = logging.getLogger(__name__)

TALK_STEP = "mt:talk"
KEY = "mt"  # under step_data: the pairing the person is talking in
MAX_RELAY = 2000
KINDS = {"o": OFFER, "a": ASK}

router = Router()


# -- small helpers ---------------------------------------------------------------------------
def other_side(side: str) -> str:
    return MENTEE if side == MENTOR else MENTOR


def tg_link(telegram_id: int, label: str) -> str:
    return f'<a href="tg://user?id={telegram_id}">{html.escape(label)}</a>'


def talking_in(ctx: Ctx) -> int | None:
    value = ctx.me.step_data.get(KEY)
    return value if isinstance(value, int) and ctx.me.step == TALK_STEP else None


def talk_to(ctx: Ctx, pairing_id: int | None) -> None:
    data = {k: v for k, v in ctx.me.step_data.items() if k != KEY}
    if pairing_id is not None:
        data[KEY] = pairing_id
    if data != ctx.me.step_data:
        ctx.me.step_data = data  # a new dict, so the JSON column is seen as changed
    ctx.go(TALK_STEP if pairing_id is not None else MENU_STEP)


async def own_pairing(ctx: Ctx, pairing_id: int, *, active: bool = True
                      ) -> tuple[Pairing, str]:
    """The pairing a button names and this person's side in it. A pairing they are not in
    was never shown to them (forged); one no longer active is stale when ``active``."""
    if ctx.me.onboarded_at is None:
        raise ForgedButton
    pairing = await mentorship.locked(ctx.session, pairing_id)
    side = mentorship.side_of(pairing, ctx.me.id) if pairing is not None else None
    if pairing is None or side is None or pairing.status == mentorship.PROPOSED:
        raise ForgedButton
    if active and pairing.status != ACTIVE:
        raise StaleButton
    return pairing, side


def _reply(text: str, rows: Sequence[tuple[Button, ...]], *, link: str = "",
           edit: bool = False) -> Reply:
    """Plain text, or, with a link, HTML with everything else escaped."""
    if link:
        return Reply(f"{html.escape(text)}\n\n{link}", tuple(rows), edit=edit, html=True)
    return Reply(text, tuple(rows), edit=edit)


def menu_row(ctx: Ctx) -> tuple[Button, ...]:
    return (buttons.button(ctx.t("mt-menu"), "mtq"),)


# -- the conversation ------------------------------------------------------------------------
async def _talk(ctx: Ctx, pairing: Pairing, side: str) -> tuple[str, list[tuple[Button, ...]],
                                                                   str]:
    """What the conversation shows: its text, its buttons, and the other's link once both
    chose to share."""
    other = other_side(side)
    mine, theirs = ((pairing.mentor_reveals, pairing.mentee_reveals) if side == MENTOR
                    else (pairing.mentee_reveals, pairing.mentor_reveals))
    lines = [ctx.t(f"mt-talk-{other}")]
    link = ""
    if mine and theirs:
        person = await mentorship.partner(ctx.session, pairing, ctx.me.id)
        if person is not None:
            lines.append(ctx.t("mt-revealed"))
            link = tg_link(person.telegram_id, ctx.t(f"mt-link-{other}"))
    elif mine:
        lines.append(ctx.t(f"mt-reveal-waiting-{other}"))
    elif theirs:
        lines.append(ctx.t(f"mt-reveal-offered-{other}"))
    pid = str(pairing.id)
    rows: list[tuple[Button, ...]] = []
    if not (mine and theirs):
        rows.append((buttons.button(ctx.t("mt-reveal-undo"), "mtv", pid, "undo") if mine
                     else buttons.button(ctx.t("mt-reveal"), "mtv", pid, "ask"),))
    rows.append((buttons.button(ctx.t("mt-end"), "mte", pid, "ask"),
                 buttons.button(ctx.t("mt-report"), "mtx", pid, "ask")))
    return "\n\n".join(lines), rows, link


async def talk_reply(ctx: Ctx, pairing: Pairing, side: str, *, edit: bool) -> Reply:
    text, rows, link = await _talk(ctx, pairing, side)
    return _reply(text, [*rows, menu_row(ctx)], link=link, edit=edit)


@router.prompt(TALK_STEP)
async def talk_prompt(ctx: Ctx) -> Sequence[Reply]:
    found = await _current(ctx)
    if found is None:
        talk_to(ctx, None)
        return [Reply(ctx.t("mt-ended-already")), main_menu(ctx)]
    return [await talk_reply(ctx, *found, edit=False)]


async def _current(ctx: Ctx) -> tuple[Pairing, str] | None:
    """The active pairing the person is talking in, and their side; None if it ended."""
    pairing_id = talking_in(ctx)
    pairing = await mentorship.locked(ctx.session, pairing_id) if pairing_id else None
    side = mentorship.side_of(pairing, ctx.me.id) if pairing is not None else None
    if pairing is None or side is None or pairing.status != ACTIVE:
        return None
    return pairing, side


def _after_quiet(now: datetime, person: Participant) -> datetime | None:
    """When the person's quiet hours end, if they are inside them now."""
    here = local(now, person.timezone or "UTC")
    if not in_quiet_hours(here, person.quiet_start, person.quiet_end):
        return None
    end = here.replace(hour=person.quiet_end // 60, minute=person.quiet_end % 60, second=0,
                       microsecond=0)
    if end <= here:
        end += timedelta(days=1)
    return end.astimezone(UTC)


@router.text(TALK_STEP, max_length=MAX_TEXT)  # read it all, to refuse a long one kindly
async def relay(ctx: Ctx) -> Outcome:
    found = await _current(ctx)
    if found is None:
        talk_to(ctx, None)
        return Outcome((Reply(ctx.t("mt-ended")), main_menu(ctx)))
    pairing, side = found
    text = ctx.inbound.text
    if len(text) > MAX_RELAY:
        return Outcome((Reply(ctx.t("mt-too-long", length=len(text), max=MAX_RELAY)),))
    other = await mentorship.partner(ctx.session, pairing, ctx.me.id)
    if other is None or other.blocked_at is not None:
        return Outcome((Reply(ctx.t(f"mt-unreachable-{other_side(side)}")),))
    tr = ctx.deps.translator
    head = tr.format(other.language, f"mt-from-{side}")
    if side == MENTEE and len([p for p in await mentorship.pairings_of(ctx.session, other.id)
                               if p.mentor_id == other.id]) > 1:
        # A mentor of several needs to know which mentee wrote.
        head = tr.format(other.language, "mt-from-mentee-pair", {"pair": str(pairing.id)})
    later = _after_quiet(ctx.now(), other)
    answer = tr.format(other.language, "mt-answer")
    await mentorship.forget_relayed(ctx.session, pairing.id)  # the earlier ones went out
    await ctx.enqueue([outbox.NewMessage(
        key=mentorship.relay_key(pairing.id, uuid.uuid4().hex[:24]), chat_id=other.telegram_id,
        participant_id=other.id, text=f"{head}\n{text}", not_before=later, lane=outbox.URGENT,
        buttons=((buttons.button(answer, "mtw", str(pairing.id)),),))])
    log.info("mentor_relay pairing=%s from=%s", pairing.id, side)
    sent = ctx.t(f"mt-sent-{other_side(side)}")
    if later is not None:
        sent += " " + ctx.t("mt-sent-later", time=format_clock(other.quiet_end))
    return Outcome((Reply(sent),))


# -- /mentor: where the person stands, and the choices ---------------------------------------
@router.command("mentor", step=onboarded)
async def mentor_command(ctx: Ctx) -> Outcome:
    return Outcome((await overview(ctx, edit=False),))


async def overview(ctx: Ctx, *, edit: bool, lead: str = "") -> Reply:
    """State and choices. With one active pairing the conversation opens at once: whatever
    the person types next goes to the other side (the text says so)."""
    me = ctx.me
    pairings = await mentorship.pairings_of(ctx.session, me.id)
    kinds = await mentorship.requests_of(ctx.session, me.id)
    eligible = can_mentor(await mentorship.latest_answers(ctx.session, me.id))
    has_mentor = any(p.mentee_id == me.id for p in pairings)
    lines = [lead] if lead else []
    lines.append(ctx.t("mt-title"))
    if not pairings and not kinds:
        lines.append(ctx.t("mt-intro"))
    for pairing in pairings:
        since = format_date(ctx.lang, pairing.started_at or pairing.created_at, zone=ctx.zone)
        if pairing.mentee_id == me.id:
            lines.append(ctx.t("mt-has-mentor", date=since))
        else:
            lines.append(ctx.t("mt-has-mentee", pair=str(pairing.id), date=since))
    if ASK in kinds:
        lines.append(ctx.t("mt-asking"))
    if OFFER in kinds:
        lines.append(ctx.t("mt-offering"))
    elif not eligible and not pairings:  # while mentored, the reason would only be noise
        lines.append(ctx.t("mt-offer-locked"))
    rows: list[tuple[Button, ...]] = []
    link = ""
    if len(pairings) == 1:
        side = mentorship.side_of(pairings[0], me.id) or MENTEE
        talk_to(ctx, pairings[0].id)
        text, rows, link = await _talk(ctx, pairings[0], side)
        lines.append(text)
    else:
        if talking_in(ctx) is not None:
            talk_to(ctx, None)  # several conversations: the person picks one below
        for pairing in pairings:
            label = (ctx.t("mt-write-mentor") if pairing.mentee_id == me.id
                     else ctx.t("mt-write-mentee-pair", pair=str(pairing.id)))
            rows.append((buttons.button(label, "mtw", str(pairing.id), "e"),))
    rows.extend(_request_rows(ctx, kinds, can_ask=not has_mentor, can_offer=eligible))
    rows.append(menu_row(ctx))
    return _reply("\n\n".join(lines), rows, link=link, edit=edit)


def _request_rows(ctx: Ctx, kinds: set[str], *, can_ask: bool,
                  can_offer: bool) -> list[tuple[Button, ...]]:
    rows: list[tuple[Button, ...]] = []
    if ASK in kinds:
        rows.append((buttons.button(ctx.t("mt-withdraw-ask"), "mtr", "a", "-"),))
    elif can_ask:
        rows.append((buttons.button(ctx.t("mt-ask"), "mtr", "a", "+"),))
    if OFFER in kinds:
        rows.append((buttons.button(ctx.t("mt-withdraw-offer"), "mtr", "o", "-"),))
    elif can_offer:
        rows.append((buttons.button(ctx.t("mt-offer"), "mtr", "o", "+"),))
    return rows


@router.button("mtr", step=onboarded, args=(Choice(*KINDS), Choice("+", "-")))
async def request_button(ctx: Ctx, kind_code: str, change: str) -> Outcome:
    kind = KINDS[kind_code]
    if change == "-":
        await mentorship.withdraw(ctx.session, ctx.me.id, kind)
        return Outcome((await overview(ctx, edit=True, lead=ctx.t(f"mt-{kind}-withdrawn")),))
    if kind == OFFER and not can_mentor(await mentorship.latest_answers(ctx.session,
                                                                        ctx.me.id)):
        raise StaleButton  # the offer was never shown to them, or their answers changed
    if kind == ASK and any(p.mentee_id == ctx.me.id
                           for p in await mentorship.pairings_of(ctx.session, ctx.me.id)):
        raise StaleButton  # they have a mentor already
    await mentorship.add_request(ctx.session, ctx.me.id, kind, ctx.now())
    log.info("mentor_request participant=%s kind=%s", ctx.me.id, kind)
    return Outcome((await overview(ctx, edit=True, lead=ctx.t(f"mt-{kind}-done")),))


@router.button("mtw", args=(int, Maybe(Choice("e"))))
async def write_button(ctx: Ctx, pairing_id: int, edit_flag: str | None) -> Outcome:
    """Open the conversation: from /mentor or a confirmation (``e``: edits it), or from a
    relayed message's answer button (a new message, so the relayed text stays)."""
    pairing, side = await own_pairing(ctx, pairing_id, active=False)
    edit = edit_flag is not None
    if pairing.status == ENDED:
        if talking_in(ctx) == pairing.id:
            talk_to(ctx, None)
        return Outcome((Reply(ctx.t("mt-ended-already"), edit=edit),))
    if not edit and talking_in(ctx) == pairing.id:
        return Outcome(toast=ctx.t("mt-type-reply"))  # already in it: no message needed
    talk_to(ctx, pairing.id)
    return Outcome((await talk_reply(ctx, pairing, side, edit=edit),))


@router.button("mtq", step=onboarded, args=())
async def leave_button(ctx: Ctx) -> Outcome:
    if ctx.me.step == TALK_STEP:
        talk_to(ctx, None)
    elif ctx.me.step != MENU_STEP:
        return Outcome(tuple(await ctx.current_prompt()))  # elsewhere by now: bring them back
    return Outcome((main_menu(ctx, edit=True),))

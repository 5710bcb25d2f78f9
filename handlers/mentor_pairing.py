"""Pairing mentors with mentees, ``/pair [cohort]``, for coordinators (any cohort) and
facilitators (their own cohort only).

``/pair`` shows the cohort's open offers and asks and the pairs the bot proposes (by
language, waking hours in common and track: ``handlers.mentor_match``), each with a button
to start it or to skip it; "Pair by hand" picks a mentor, then a mentee. A started pairing
tells both people at once, through the outbox. Every press is checked again here: the role,
the cohort, and that both people still wait.
"""

from __future__ import annotations

import logging

from bot.core import Button, Outcome, Reply
from bot.i18n import DEFAULT_LANGUAGE
from bot.local_time import utc_offset_label
from handlers import buttons, roles
from handlers.context import Ctx, ForgedButton, StaleButton
from handlers.guards import Choice, Maybe
from handlers.mentor_match import Candidate, awake, match, propose
from handlers.roles import STAFF, cohort_in_reach, record, refuse
from handlers.router import Router
from storage import exchanges, mentorship, outbox
from storage.mentorship import MENTEE, MENTOR, OFFER, PROPOSED
from storage.models import Cohort, MentorshipRequest, Pairing, Participant

log = logging.getLogger(__name__)

MAX_SHOWN = 10  # proposals per message: ten rows of buttons still fit a phone screen
MAX_PICK = 20

router = Router()

Waiting = dict[int, tuple[MentorshipRequest, Participant]]  # participant id → request, person


@router.command("pair", role=STAFF)
async def pair_command(ctx: Ctx) -> Outcome:
    found = await cohort_in_reach(ctx, "pair", ctx.inbound.args.strip())
    if isinstance(found, Outcome):
        return found
    cohort, _ = found
    await record(ctx, "pair", "ok", cohort.slug)
    return Outcome((await board(ctx, cohort, edit=False),))


async def _in_reach(ctx: Ctx, cohort_id: int, action: str) -> Outcome | None:
    """None if this person may pair in the cohort; otherwise the audited refusal. (A button
    looks up the cohort or proposal it names first, so an unknown one is forged for anyone:
    the role is asked here, not on the route.)"""
    if roles.is_coordinator(ctx):
        return None
    if not roles.is_facilitator(ctx):
        return await refuse(ctx, action, "staff-only")
    if ctx.me.cohort_id != cohort_id:
        return await refuse(ctx, action, "not-your-cohort", str(cohort_id))
    return None


async def _waiting(ctx: Ctx, cohort_id: int) -> tuple[Waiting, Waiting]:
    """Open offers and asks of the cohort, by participant id."""
    offers: Waiting = {}
    asks: Waiting = {}
    for request, person in await mentorship.open_requests(ctx.session, cohort_id):
        (offers if request.kind == OFFER else asks)[person.id] = (request, person)
    return offers, asks


def _candidate(ctx: Ctx, request: MentorshipRequest, person: Participant) -> Candidate:
    return Candidate(person.id, person.language, person.track_id,
                     awake(person.timezone, person.quiet_start, person.quiet_end, ctx.now()),
                     request.created_at)


def describe(ctx: Ctx, person: Participant) -> str:
    """How staff see someone: a number, never a name or a Telegram account; their language
    and track by name, not by code."""
    track = ctx.deps.content.track(person.track_id) if person.track_id else None
    track_name = ((track.titles.get(ctx.lang) or track.titles.get(DEFAULT_LANGUAGE)
                   or track.id) if track else ctx.t("mt-no-track"))
    return ctx.t("mt-person", id=str(person.id),
                 language=ctx.deps.translator.format(person.language, "language-name"),
                 zone=utc_offset_label(person.timezone or "UTC", ctx.now()), track=track_name)


async def _refresh(ctx: Ctx, cohort: Cohort, offers: Waiting, asks: Waiting) -> list[Pairing]:
    """The cohort's proposals: those that can still start, then new ones for everyone not
    yet in one."""
    kept: list[Pairing] = []
    stale: list[int] = []
    for pairing in await mentorship.proposals(ctx.session, cohort.id):
        taken = any(pairing.mentor_id == p.mentor_id or pairing.mentee_id == p.mentee_id
                    for p in kept)
        if pairing.mentor_id in offers and pairing.mentee_id in asks and not taken:
            kept.append(pairing)
        else:
            stale.append(pairing.id)
    await mentorship.drop_proposals(ctx.session, stale)
    busy_mentors = {p.mentor_id for p in kept}
    busy_mentees = {p.mentee_id for p in kept}
    found = propose(
        [_candidate(ctx, *offers[i]) for i in offers if i not in busy_mentors],
        [_candidate(ctx, *asks[i]) for i in asks if i not in busy_mentees],
        excluded=await mentorship.tried(ctx.session, cohort.id))
    for pair in found:
        kept.append(await mentorship.propose(
            ctx.session, mentor_id=pair.mentor.participant_id,
            mentee_id=pair.mentee.participant_id, cohort_id=cohort.id,
            proposed_by=ctx.inbound.user_id, now=ctx.now()))
    return kept


async def board(ctx: Ctx, cohort: Cohort, *, edit: bool, lead: str = "",
                first: int | None = None) -> Reply:
    """The cohort's mentoring at a glance, with a button per proposal (``first`` on top)."""
    offers, asks = await _waiting(ctx, cohort.id)
    shown = sorted(await _refresh(ctx, cohort, offers, asks), key=lambda p: p.id != first)
    lines = [lead] if lead else []
    lines.append(ctx.t("mt-board-title", cohort=cohort.name, offers=len(offers),
                       asks=len(asks)))
    if not offers and not asks:
        lines.append(ctx.t("mt-board-empty"))
    rows: list[tuple[Button, ...]] = []
    for number, pairing in enumerate(shown[:MAX_SHOWN], start=1):
        mentor, mentee = offers[pairing.mentor_id], asks[pairing.mentee_id]
        found = match(_candidate(ctx, *mentor), _candidate(ctx, *mentee))
        reasons = [ctx.t("mt-why-language") if found.same_language
                   else ctx.t("mt-why-languages-differ")]
        if found.same_track:
            reasons.append(ctx.t("mt-why-track"))
        reasons.append(ctx.t("mt-why-overlap", hours=found.overlap // 60))
        lines.append(ctx.t("mt-board-pair", number=number, mentor=describe(ctx, mentor[1]),
                           mentee=describe(ctx, mentee[1]), reasons=" ".join(reasons)))
        pid = str(pairing.id)
        rows.append((buttons.button(ctx.t("mt-board-start", number=number), "mtp", pid, "y"),
                     buttons.button(ctx.t("mt-board-skip", number=number), "mtp", pid, "n")))
    if len(shown) > MAX_SHOWN:
        lines.append(ctx.t("mt-board-more", count=len(shown) - MAX_SHOWN))
    for kind, waiting, placed in (("offers", offers, {p.mentor_id for p in shown}),
                                  ("asks", asks, {p.mentee_id for p in shown})):
        left = [describe(ctx, person) for pid, (_, person) in waiting.items()
                if pid not in placed]
        if left:
            more = "" if len(left) <= MAX_SHOWN else f", … (+{len(left) - MAX_SHOWN})"
            lines.append(ctx.t(f"mt-board-waiting-{kind}",
                               people=", ".join(left[:MAX_SHOWN]) + more))
    if offers and asks:
        rows.append((buttons.button(ctx.t("mt-board-by-hand"), "mtm", str(cohort.id)),))
    return Reply("\n\n".join(lines), tuple(rows), edit=edit)


async def _cohort(ctx: Ctx, cohort_id: int) -> Cohort:
    cohort = await exchanges.get_cohort(ctx.session, cohort_id)
    if cohort is None:
        raise ForgedButton
    return cohort


@router.button("mtl", public=True, args=(int,))
async def board_button(ctx: Ctx, cohort_id: int) -> Outcome:
    cohort = await _cohort(ctx, cohort_id)
    refused = await _in_reach(ctx, cohort.id, "pair")
    return refused or Outcome((await board(ctx, cohort, edit=True),))


@router.button("mtp", public=True, args=(int, Choice("y", "n")))
async def proposal_button(ctx: Ctx, pairing_id: int, answer: str) -> Outcome:
    """Start (y) or skip (n) a proposed pairing."""
    pairing = await mentorship.locked(ctx.session, pairing_id)
    if pairing is None or pairing.cohort_id is None:
        raise ForgedButton
    refused = await _in_reach(ctx, pairing.cohort_id, "pair")
    if refused is not None:
        return refused
    if pairing.status != PROPOSED:
        raise StaleButton  # started or skipped already, perhaps by another facilitator
    cohort = await exchanges.get_cohort(ctx.session, pairing.cohort_id)
    if cohort is None:
        raise StaleButton
    if answer == "n":
        mentorship.end(pairing, ctx.now())  # kept as ended: not proposed again
        await record(ctx, "pair-skip", "ok", str(pairing.id))
        return Outcome((await board(ctx, cohort, edit=True, lead=ctx.t("mt-board-skipped")),))
    offers, asks = await _waiting(ctx, cohort.id)
    if pairing.mentor_id not in offers or pairing.mentee_id not in asks:
        await mentorship.drop_proposals(ctx.session, [pairing.id])
        return Outcome((await board(ctx, cohort, edit=True, lead=ctx.t("mt-board-gone")),))
    await mentorship.start(ctx.session, pairing, ctx.now())
    await _announce(ctx, pairing, offers[pairing.mentor_id][1], asks[pairing.mentee_id][1])
    await record(ctx, "pair-start", "ok", str(pairing.id))
    log.info("pairing_started id=%s cohort=%s by=%s", pairing.id, cohort.id,
             ctx.inbound.user_id)
    lead = ctx.t("mt-board-started", pair=str(pairing.id), mentor=str(pairing.mentor_id),
                 mentee=str(pairing.mentee_id))
    return Outcome((await board(ctx, cohort, edit=True, lead=lead),))


async def _announce(ctx: Ctx, pairing: Pairing, mentor: Participant,
                    mentee: Participant) -> None:
    """Both people hear that the pairing starts, each with the button to write."""
    tr = ctx.deps.translator
    messages = []
    for person, side, other in ((mentor, MENTOR, MENTEE), (mentee, MENTEE, MENTOR)):
        write = buttons.button(tr.format(person.language, f"mt-write-{other}"), "mtw",
                               str(pairing.id))
        messages.append(outbox.NewMessage(
            key=f"mts:{pairing.id}:{person.id}", chat_id=person.telegram_id,
            participant_id=person.id, text=tr.format(person.language, f"mt-started-{side}"),
            buttons=((write,),), lane=outbox.PERSONAL))
    await ctx.enqueue(messages)


@router.button("mtm", public=True, args=(int, Maybe(int), Maybe(int)))
async def by_hand_button(ctx: Ctx, cohort_id: int, mentor_id: int | None,
                         mentee_id: int | None) -> Outcome:
    """Pair by hand: ``<cohort>`` lists offers, ``<cohort>:<mentor>`` lists asks,
    ``<cohort>:<mentor>:<mentee>`` proposes that pair, shown on the board to start."""
    cohort = await _cohort(ctx, cohort_id)
    refused = await _in_reach(ctx, cohort.id, "pair")
    if refused is not None:
        return refused
    offers, asks = await _waiting(ctx, cohort.id)
    back = (buttons.button(ctx.t("mt-cancel"), "mtl", str(cohort.id)),)
    if mentor_id is None:
        if not offers or not asks:
            raise StaleButton
        rows = [(buttons.button(describe(ctx, person), "mtm", str(cohort.id), str(pid)),)
                for pid, (_, person) in list(offers.items())[:MAX_PICK]]
        return Outcome((Reply(ctx.t("mt-pick-mentor"), (*rows, back), edit=True),))
    if mentor_id not in offers:
        raise StaleButton
    if mentee_id is None:
        rows = [(buttons.button(describe(ctx, person), "mtm", str(cohort.id), str(mentor_id),
                                str(pid)),)
                for pid, (_, person) in list(asks.items())[:MAX_PICK] if pid != mentor_id]
        if not rows:
            raise StaleButton
        return Outcome((Reply(ctx.t("mt-pick-mentee", mentor=str(mentor_id)), (*rows, back),
                              edit=True),))
    if mentee_id not in asks or mentee_id == mentor_id:
        raise StaleButton
    # The hand-made pair replaces any proposal either person was in.
    await mentorship.drop_proposals(ctx.session, [
        p.id for p in await mentorship.proposals(ctx.session, cohort.id)
        if p.mentor_id == mentor_id or p.mentee_id == mentee_id])
    pairing = await mentorship.propose(ctx.session, mentor_id=mentor_id, mentee_id=mentee_id,
                                       cohort_id=cohort.id, proposed_by=ctx.inbound.user_id,
                                       now=ctx.now())
    await record(ctx, "pair-propose", "ok", str(pairing.id))
    return Outcome((await board(ctx, cohort, edit=True, lead=ctx.t("mt-board-proposed"),
                                first=pairing.id),))


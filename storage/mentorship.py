"""Mentorship: offers to mentor and asks for a mentor (one of each per person at most), and
the pairings of a mentor with a mentee (proposed → active → ended).

A request is open until a pairing that uses it starts; a proposal that was declined, and a
pairing that ended, stay as ``ended`` rows so the same two people are not proposed again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Text, delete, literal, or_, select, type_coerce, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Assessment,
    Cohort,
    MentorshipRequest,
    OutboxMessage,
    Pairing,
    Participant,
)
from storage.outbox import FINAL

OFFER, ASK = "offer", "ask"
PROPOSED, ACTIVE, ENDED = "proposed", "active", "ended"
MENTOR, MENTEE = "mentor", "mentee"
RELAY = "mtr"  # outbox keys of relayed messages: mtr:<pairing id>:<random>

# Who hears a report about a pairing, besides the cohort's facilitator of the week: the
# safety contacts, and the coordinators.
SAFETY_ROLES = ("safety", "coordinator")


# -- requests --------------------------------------------------------------------------------
async def requests_of(session: AsyncSession, participant_id: int) -> set[str]:
    """The kinds of request this person has open."""
    return set(await session.scalars(select(MentorshipRequest.kind)
                                      .where(MentorshipRequest.participant_id == participant_id)))


async def add_request(session: AsyncSession, participant_id: int, kind: str,
                      now: datetime) -> None:
    """Open a request (nothing changes if it is open already). The caller holds the
    participant's row lock, so two taps cannot both insert."""
    if kind not in await requests_of(session, participant_id):
        session.add(MentorshipRequest(participant_id=participant_id, kind=kind, created_at=now))
        await session.flush()


async def withdraw(session: AsyncSession, participant_id: int, kind: str) -> None:
    await session.execute(delete(MentorshipRequest).where(
        MentorshipRequest.participant_id == participant_id, MentorshipRequest.kind == kind))


async def open_requests(session: AsyncSession,
                        cohort_id: int) -> list[tuple[MentorshipRequest, Participant]]:
    """Open requests of the cohort's reachable members, oldest first."""
    rows = await session.execute(
        select(MentorshipRequest, Participant)
        .join(Participant, Participant.id == MentorshipRequest.participant_id)
        .where(Participant.cohort_id == cohort_id, Participant.onboarded_at.is_not(None),
               Participant.blocked_at.is_(None))
        .order_by(MentorshipRequest.created_at, MentorshipRequest.id))
    return [(row[0], row[1]) for row in rows]


async def latest_answers(session: AsyncSession, participant_id: int) -> dict[str, object]:
    """The answers of the person's latest needs assessment ({} if they took none)."""
    answers = await session.scalar(
        select(Assessment.answers).where(Assessment.participant_id == participant_id)
        .order_by(Assessment.id.desc()).limit(1))
    return dict(answers or {})


# -- pairings --------------------------------------------------------------------------------
async def locked(session: AsyncSession, pairing_id: int) -> Pairing | None:
    """The pairing, row-locked on PostgreSQL: both people may act on it at the same moment."""
    return await session.scalar(select(Pairing).where(Pairing.id == pairing_id)
                                .with_for_update())


async def pairings_of(session: AsyncSession, participant_id: int,
                      statuses: Sequence[str] = (ACTIVE,)) -> list[Pairing]:
    """This person's pairings on either side, oldest first."""
    return list(await session.scalars(
        select(Pairing).where(or_(Pairing.mentor_id == participant_id,
                                  Pairing.mentee_id == participant_id),
                              Pairing.status.in_(statuses))
        .order_by(Pairing.id)))


async def proposals(session: AsyncSession, cohort_id: int) -> list[Pairing]:
    return list(await session.scalars(
        select(Pairing).where(Pairing.cohort_id == cohort_id, Pairing.status == PROPOSED)
        .order_by(Pairing.id)))


async def tried(session: AsyncSession, cohort_id: int) -> set[frozenset[int]]:
    """Pairs of people who were paired before, or whose proposal was declined: not proposed
    together again (staff can still pair them by hand)."""
    rows = await session.execute(select(Pairing.mentor_id, Pairing.mentee_id)
                                 .where(Pairing.cohort_id == cohort_id,
                                        Pairing.status != PROPOSED))
    return {frozenset((row[0], row[1])) for row in rows}


async def propose(session: AsyncSession, *, mentor_id: int, mentee_id: int, cohort_id: int,
                  proposed_by: int | None, now: datetime) -> Pairing:
    pairing = Pairing(mentor_id=mentor_id, mentee_id=mentee_id, cohort_id=cohort_id,
                      status=PROPOSED, proposed_by=proposed_by, mentor_reveals=False,
                      mentee_reveals=False, created_at=now)
    session.add(pairing)
    await session.flush()
    return pairing


async def drop_proposals(session: AsyncSession, ids: Sequence[int]) -> None:
    """Forget proposals that can no longer start (never started: nothing worth keeping)."""
    if ids:
        await session.execute(delete(Pairing).where(Pairing.id.in_(ids),
                                                    Pairing.status == PROPOSED))


async def start(session: AsyncSession, pairing: Pairing, now: datetime) -> None:
    """The pairing begins; the requests it answers are closed."""
    pairing.status, pairing.started_at = ACTIVE, now
    await withdraw(session, pairing.mentor_id, OFFER)
    await withdraw(session, pairing.mentee_id, ASK)
    # Other proposals for either person would now stand on a closed request.
    others = await session.scalars(select(Pairing.id).where(
        Pairing.status == PROPOSED, Pairing.id != pairing.id,
        or_(Pairing.mentor_id == pairing.mentor_id, Pairing.mentee_id == pairing.mentee_id)))
    await drop_proposals(session, list(others))


def end(pairing: Pairing, now: datetime) -> None:
    pairing.status, pairing.ended_at = ENDED, now


def relay_key(pairing_id: int, unique: str) -> str:
    return f"{RELAY}:{pairing_id}:{unique}"


async def forget_relayed(session: AsyncSession, pairing_id: int) -> int:
    """Blank the words of this pairing's relayed messages that have left the outbox (sent,
    or given up on): the row was only ever needed to send them."""
    # Compared and written as plain text, past the column's encryption: an empty string
    # reveals nothing, and rows blanked before are then skipped instead of rewritten.
    stored = type_coerce(OutboxMessage.text, Text)
    result = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.key.startswith(relay_key(pairing_id, "")),
               OutboxMessage.status.in_(FINAL), stored != "")
        .values({OutboxMessage.text: literal("", Text)}))
    return int(getattr(result, "rowcount", 0) or 0)


def side_of(pairing: Pairing, participant_id: int) -> str | None:
    if pairing.mentor_id == participant_id:
        return MENTOR
    if pairing.mentee_id == participant_id:
        return MENTEE
    return None


def other_id(pairing: Pairing, participant_id: int) -> int:
    return pairing.mentee_id if pairing.mentor_id == participant_id else pairing.mentor_id


async def partner(session: AsyncSession, pairing: Pairing,
                  participant_id: int) -> Participant | None:
    """The other person of the pairing (None: gone meanwhile)."""
    return await session.get(Participant, other_id(pairing, participant_id))


# -- who hears a report ----------------------------------------------------------------------
async def telegram_ids(session: AsyncSession, participant_ids: set[int]) -> set[int]:
    return set(await session.scalars(select(Participant.telegram_id)
                                     .where(Participant.id.in_(participant_ids))))


async def safety_contacts(session: AsyncSession, cohort: Cohort) -> list[Participant]:
    """The cohort's facilitator of the week and everyone with a safety role in its exchange
    (or in no cohort at all: exchange-wide staff), each once, in a stable order."""
    in_exchange = select(Cohort.id).where(Cohort.exchange_id == cohort.exchange_id)
    return list(await session.scalars(
        select(Participant).where(
            or_(Participant.id == cohort.facilitator_id,
                Participant.role.in_(SAFETY_ROLES)
                & or_(Participant.cohort_id.is_(None), Participant.cohort_id.in_(in_exchange))))
        .order_by(Participant.id)))

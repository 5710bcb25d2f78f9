"""The terminal chat's demo exchange: a whole exchange to try at once from one keyboard.

A coordinator, a facilitator (the facilitator of the week), a safety contact and three
participants, all joined already (onboarded, every consent given), so that a broadcast, the
mentor relay (Amara is Bilal's mentee), an incident report, a check-in (the exchange ended
eight days ago: the +7 round is due, and Amara has a commitment to be asked about) and the
reports all have someone on the other end. Newcomers join as everywhere else: by invite, and
the demo has one ready (:data:`INVITE`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Translator
from handlers.consent import POLICY_VERSION, PURPOSES
from handlers.roles import COORDINATOR, FACILITATOR, PARTICIPANT, SAFETY
from storage import commitments, consents, exchanges, mentorship, participants
from storage.models import Cohort, InviteCode, Participant

DEMO_EXCHANGE = "Demo exchange"
INVITE = "demo-newcomer"  # a participant's invite to the demo cohort, printed in the chat
ENDED_DAYS_AGO = 8  # the first check-in round (+7 days) is due as soon as the chat starts
LASTED_DAYS = 4


@dataclass(frozen=True)
class DemoPerson:
    telegram_id: int
    name: str  # kept as the person's alias: the facilitator's is what the cohort sees
    role: str
    region: str
    timezone: str
    in_cohort: bool = True  # staff of the whole demo (coordinator, safety) have no cohort


PEOPLE = (
    DemoPerson(1, "Amara", PARTICIPANT, "africa", "Africa/Nairobi"),
    DemoPerson(2, "Bilal", PARTICIPANT, "mena", "Asia/Beirut"),
    DemoPerson(3, "Camila", PARTICIPANT, "latam", "America/Lima"),
    DemoPerson(4, "Dana", FACILITATOR, "europe", "Europe/Berlin"),
    DemoPerson(5, "Kofi", SAFETY, "africa", "Africa/Accra", in_cohort=False),
    DemoPerson(6, "Farid", COORDINATOR, "asia_pacific", "Asia/Dhaka", in_cohort=False),
)
MENTOR, MENTEE = 2, 1  # telegram ids of the demo's active mentor pairing
WITH_COMMITMENT = 1


async def ensure_demo(session: AsyncSession, translator: Translator, language: str,
                      now: datetime) -> bool:
    """Create the demo on the first run; True if it was created now. Its invite marks it
    done: someone the chat's people later erase (``/forget``) stays erased. A chat from
    before the demo had people keeps its exchange and the ids already in use."""
    if await session.scalar(select(InviteCode.id).where(InviteCode.code == INVITE)):
        return False
    exchange = await exchanges.find_exchange(session, DEMO_EXCHANGE)
    if exchange is None:
        ended = (now - timedelta(days=ENDED_DAYS_AGO)).date()
        exchange, cohort = await exchanges.create_exchange(
            session, DEMO_EXCHANGE, ended - timedelta(days=LASTED_DAYS), ended,
            created_by=_id_of(COORDINATOR), now=now)
    else:
        cohort = await exchanges.first_cohort(session, exchange.id)  # type: ignore[assignment]
    people: dict[int, Participant] = {}
    for person in PEOPLE:
        if await participants.get(session, person.telegram_id) is None:
            people[person.telegram_id] = await _join(session, person, cohort, language, now)
    facilitator = people.get(_id_of(FACILITATOR))
    if facilitator is not None:  # the facilitator of the week: blocked commitments reach them
        cohort.facilitator_id = facilitator.id
    if MENTOR in people and MENTEE in people:
        pairing = await mentorship.propose(
            session, mentor_id=people[MENTOR].id, mentee_id=people[MENTEE].id,
            cohort_id=cohort.id, proposed_by=_id_of(COORDINATOR), now=now)
        await mentorship.start(session, pairing, now)
    if WITH_COMMITMENT in people:
        await commitments.add(
            session, people[WITH_COMMITMENT].id,
            what=translator.format(language, "console-demo-commitment"), who="",
            due_on=(now + timedelta(days=30)).date(), now=now)
    session.add(InviteCode(code=INVITE, cohort_id=cohort.id, role=PARTICIPANT,
                           created_by=_id_of(COORDINATOR), created_at=now, uses=0))
    await session.flush()
    return True


async def _join(session: AsyncSession, person: DemoPerson, cohort: Cohort, language: str,
                now: datetime) -> Participant:
    joined = await participants.create(
        session, person.telegram_id, language=language,
        cohort_id=cohort.id if person.in_cohort else None, role=person.role, step="menu",
        now=now)
    joined.alias = person.name
    joined.region, joined.timezone = person.region, person.timezone
    # No quiet hours: a check-in or a relayed message shows at once whatever the hour the
    # demo is tried at (real people's quiet hours are asked when they join).
    joined.quiet_start = joined.quiet_end = 0
    joined.coc_accepted_at = joined.onboarded_at = now
    for purpose in PURPOSES:
        await consents.record_consent(session, joined.id, purpose, True,
                                      policy_version=POLICY_VERSION, now=now)
    return joined


def _id_of(role: str) -> int:
    return next(p.telegram_id for p in PEOPLE if p.role == role)


"""Storage on real databases: SQLite and PostgreSQL (skipped with a reason if none answers)."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from storage import exchanges, participants
from storage.consents import current_consents, record_consent
from storage.database import insert_ignoring_duplicates, session_factory
from storage.migrate import upgrade
from storage.models import Base, InviteCode, MentorshipRequest, Participant

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


async def test_migrations_match_the_models(engine: AsyncEngine) -> None:
    await upgrade(engine)
    await upgrade(engine)  # a second run is a no-op

    def diff(connection: Connection) -> list[object]:
        return list(compare_metadata(MigrationContext.configure(connection), Base.metadata))

    async with engine.connect() as connection:
        assert await connection.run_sync(diff) == []


async def test_insert_ignoring_duplicates_on_each_database(engine: AsyncEngine) -> None:
    await upgrade(engine)
    async with session_factory(engine)() as session:
        person = await participants.create(session, 42, language="es", cohort_id=None,
                                           role="participant", step="", now=NOW)
        statement = (insert_ignoring_duplicates(session, MentorshipRequest,
                                                index_elements=["participant_id", "kind"])
                     .values(participant_id=person.id, kind="ask", created_at=NOW)
                     .returning(MentorshipRequest.id))
        assert len((await session.execute(statement)).all()) == 1
        assert (await session.execute(statement)).all() == []  # a duplicate: nothing, no error
        assert await session.scalar(select(func.count()).select_from(MentorshipRequest)) == 1


async def test_exchange_cohort_invite_and_participant(engine: AsyncEngine) -> None:
    await upgrade(engine)
    sessions = session_factory(engine)
    async with sessions() as session:
        exchange, cohort = await exchanges.create_exchange(
            session, "Encuentro Bogotá", date(2026, 3, 2), date(2026, 3, 6), created_by=1,
            now=NOW)
        invite = await exchanges.create_invite(session, cohort.id, created_by=1, now=NOW)
        await session.commit()
    assert exchange.slug == "encuentro-bogota"
    async with sessions() as session:
        found = await exchanges.find_exchange(session, "ENCUENTRO BOGOTÁ".lower())
        assert found is not None and found.id == exchange.id
        live = await exchanges.live_invite(session, invite.code)
        assert live is not None and live.cohort_id == cohort.id
        await exchanges.count_use(session, live)
        person = await participants.create(session, 42, language="es", cohort_id=cohort.id,
                                           role="participant", step="onb:language", now=NOW)
        await session.commit()
    async with sessions() as session:
        again = await participants.get_for_update(session, 42)
        assert again is not None and again.id == person.id
        assert again.created_at == NOW and again.created_at.tzinfo is not None
        assert await session.scalar(select(InviteCode.uses)) == 1
        with_exchange = await exchanges.cohort_with_exchange(session, cohort.id)
        assert with_exchange is not None and with_exchange[1].name == "Encuentro Bogotá"


async def test_revoked_invite_is_not_live(engine: AsyncEngine) -> None:
    await upgrade(engine)
    async with session_factory(engine)() as session:
        _, cohort = await exchanges.create_exchange(session, "X", date(2026, 1, 1),
                                                    date(2026, 1, 2), created_by=None, now=NOW)
        invite = await exchanges.create_invite(session, cohort.id, created_by=None, now=NOW)
        invite.revoked_at = NOW
        await session.flush()
        assert await exchanges.live_invite(session, invite.code) is None


async def test_one_participant_per_telegram_id(engine: AsyncEngine) -> None:
    await upgrade(engine)
    async with session_factory(engine)() as session:
        for _ in range(2):
            session.add(Participant(telegram_id=7, step="", step_data={}, quiet_start=0,
                                    quiet_end=1, created_at=NOW, updated_at=NOW))
        with pytest.raises(IntegrityError):
            await session.flush()


async def test_consent_ledger_is_append_only_and_latest_wins(engine: AsyncEngine) -> None:
    await upgrade(engine)
    async with session_factory(engine)() as session:
        person = await participants.create(session, 9, language="en", cohort_id=None,
                                           role="participant", step="", now=NOW)
        for minutes, granted in ((0, True), (5, False), (9, True)):
            await record_consent(session, person.id, "media", granted, policy_version="v1",
                                 now=NOW + timedelta(minutes=minutes))
        await record_consent(session, person.id, "stories", False, policy_version="v2", now=NOW)
        await session.commit()
        assert await current_consents(session, person.id) == {"media": True, "stories": False}
        from storage.models import ConsentEvent

        assert await session.scalar(select(func.count()).select_from(ConsentEvent)) == 4


async def test_concurrent_writers_wait_instead_of_failing(engine: AsyncEngine) -> None:
    """Read-then-write transactions from many tasks at once: on SQLite ``BEGIN IMMEDIATE``
    must queue them rather than fail with "database is locked"."""
    await upgrade(engine)
    sessions = session_factory(engine)
    async with sessions() as session:
        await participants.create(session, 1, language="en", cohort_id=None,
                                  role="participant", step="0", now=NOW)
        await session.commit()

    async def bump() -> None:
        async with sessions() as session:
            person = await participants.get_for_update(session, 1)
            assert person is not None
            await asyncio.sleep(0)
            person.step = str(int(person.step) + 1)
            await session.commit()

    await asyncio.gather(*(bump() for _ in range(30)))
    async with sessions() as session:
        person = await participants.get_for_update(session, 1)
        assert person is not None and person.step == "30"


async def test_learning_records_on_each_database(engine: AsyncEngine) -> None:
    from storage import assessments, learning
    from storage.models import CardResult, Reflection

    await upgrade(engine)
    async with session_factory(engine)() as session:
        person = await participants.create(session, 77, language="es", cohort_id=None,
                                           role="participant", step="learn", now=NOW)
        row = await learning.start(session, person.id, "risk-assessment", "why", NOW)
        row.card_id, row.step_id = "drill", "call"
        await learning.record_result(session, person.id, "risk-assessment", "q", "a",
                                     correct=True, now=NOW)
        await learning.keep_reflection(session, person.id, "risk-assessment", "reflect",
                                       text="ñandú — مرحبا", now=NOW)
        for rating in (2, 4):
            await assessments.save(session, person.id, {"rate-risk": rating, "resources": []},
                                   note=None, recommended_track="core", now=NOW)
        await session.commit()
    async with session_factory(engine)() as session:
        [progress] = await learning.all_progress(session, person.id)
        assert (progress.card_id, progress.step_id, progress.completed_at) == (
            "drill", "call", None)
        assert await session.scalar(select(CardResult.correct)) is True
        assert await session.scalar(select(Reflection.text)) == "ñandú — مرحبا"
        first, second = await assessments.history(session, person.id)
        assert (first.answers["rate-risk"], second.answers["rate-risk"]) == (2, 4)
        with pytest.raises(IntegrityError):  # one progress row per person and module
            await learning.start(session, person.id, "risk-assessment", "why", NOW)


async def test_reports_and_stories_on_each_database(engine: AsyncEngine) -> None:
    """What the safety and story handlers keep, through their storage functions."""
    from storage import incidents, stories

    await upgrade(engine)
    async with session_factory(engine)() as session:
        exchange, cohort = await exchanges.create_exchange(
            session, "Encuentro", date(2026, 3, 2), date(2026, 3, 6), created_by=1, now=NOW)
        teller, other = [await participants.create(session, telegram_id, language="es",
                                                   cohort_id=cohort.id, role="participant",
                                                   step="", now=NOW) for telegram_id in (1, 2)]
        for person, shares in ((teller, True), (other, False)):
            await record_consent(session, person.id, "stories", shares, policy_version="v1",
                                 now=NOW)
            stories.share(session, participant_id=person.id, cohort_id=cohort.id, kind="win",
                          text=f"story of {person.id}", now=NOW)
        later = NOW + timedelta(hours=5, minutes=7)
        named, anonymous = [await incidents.file_report(
            session, exchange_id=exchange.id, reporter_id=reporter, what="what", happened="today",
            place=None, severity="low", now=later) for reporter in (teller.id, None)]
        await session.commit()
    async with session_factory(engine)() as session:
        assert await exchanges.get_exchange(session, exchange.id) is not None
        assert await exchanges.get_cohort(session, cohort.id) is not None
        assert await exchanges.get_cohort(session, cohort.id + 1) is None
        found = await incidents.get(session, named.id)
        assert found is not None and (found.reporter_id, found.created_at) == (teller.id, later)
        found = await incidents.get(session, anonymous.id)
        assert found is not None and found.reporter_id is None
        assert found.created_at == datetime(2026, 3, 2, tzinfo=UTC)  # the day only
        [shared] = await stories.shared_in_cohort(session, cohort.id, limit=10)
        assert (shared.participant_id, shared.text) == (teller.id, f"story of {teller.id}")
        await stories.withdraw(session, shared)
        await session.commit()
    async with session_factory(engine)() as session:
        assert await stories.shared_in_cohort(session, cohort.id, limit=10) == []
        assert await stories.get(session, shared.id) is None


async def test_a_checkin_answer_is_given_then_changed_on_each_database(
        engine: AsyncEngine) -> None:
    from storage import checkins, commitments, incidents
    from storage.models import Checkin, CheckinAnswer

    await upgrade(engine)
    async with session_factory(engine)() as session:
        exchange, cohort = await exchanges.create_exchange(
            session, "Lima", date(2026, 3, 2), date(2026, 3, 6), created_by=1, now=NOW)
        person = await participants.create(session, 51, language="es", cohort_id=cohort.id,
                                           role="participant", step="menu", now=NOW)
        item = await commitments.add(session, person.id, what="Train five stewards", who="",
                                     due_on=date(2026, 4, 1), now=NOW)
        checkin = Checkin(participant_id=person.id, exchange_id=exchange.id,
                          cohort_id=cohort.id, offset_days=7, status="sent", created_at=NOW)
        session.add(checkin)
        await session.flush()
        assert await checkins.answer(session, checkin.id, item.id) is None
        await checkins.give_status(session, checkin.id, item.id, "blocked", NOW)
        await checkins.give_status(session, checkin.id, item.id, "progress", NOW)  # changed
        report = await incidents.file_report(
            session, exchange_id=exchange.id, reporter_id=person.id, happened="now",
            place=None, what="x", severity="low", now=NOW)
        await session.commit()
    async with session_factory(engine)() as session:
        found = await checkins.get(session, checkin.id)
        assert found is not None and found.offset_days == 7
        answer = await checkins.answer(session, checkin.id, item.id)
        assert answer is not None and answer.status == "progress"
        assert await session.scalar(select(func.count()).select_from(CheckinAnswer)) == 1
        named = await incidents.get(session, report.id)
        assert named is not None
        reporter = await incidents.reporter(session, named)
        assert reporter is not None and reporter.telegram_id == 51

"""``/mydata``, ``/forget`` and what a consent withdrawal deletes at once.

The heart of it: one person's data in every table (``seed``), then ``/forget``, then every
column of every table read back and searched for their Telegram id, their export pseudonym,
their alias and words they wrote, on SQLite and on PostgreSQL. The seed must hold a row in
each table that can hold a person's: a table added later fails the coverage test until it
gets one, and then the scan checks it too.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import BigInteger, func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import App
from bot.clock import FakeClock
from bot.config import Settings
from bot.core import Inbound, Kind, Outcome, Reply, encode_delivery
from handlers import mydata_export
from handlers.consent import POLICY_VERSION
from handlers.reports import pseudonym
from scheduler.nudges import _digest
from storage import erasure, mydata
from storage.models import (
    Assessment,
    AuditEntry,
    Base,
    Broadcast,
    BroadcastAnswer,
    CardResult,
    Checkin,
    CheckinAnswer,
    CheckinDigest,
    Cohort,
    Commitment,
    ConsentEvent,
    Exchange,
    Incident,
    InviteCode,
    LibrarySubmission,
    LiveSession,
    MentorshipRequest,
    ModuleProgress,
    OutboxMessage,
    Pairing,
    Participant,
    Reflection,
    SessionAttendance,
    SessionFeedback,
    Story,
    TelegramUpdate,
)
from tests.chat_driver import ChatDriver
from tests.cohort_helpers import invite_code, join, new_exchange
from tests.conftest import build_app
from tests.test_locales import messages

# Long ids that cannot turn up by chance in a date, a count or another id.
A_TID, B_TID, C_TID = 7_312_459_908, 8_205_117_643, 6_093_775_221
KEY = b"test-pseudonym-key"
SECRET = "Marigold tunnel behind the old bakery"  # words A wrote, in every place they go
ALIAS = "Zephyrine"
INCIDENT = "Police photographed everyone at the gate"  # A's report: kept, unlinked
PROMPT = "Who is coming to the Thursday circle?"  # A's prompt to the cohort: kept, unlinked
B_TEXT = "B wrote this and keeps it"
B_PROMPT = "B asks the cohort something"  # A received it: in A's data too
B_STORY = "B's story, which A submitted to the library"  # A submitted it: in A's data too
BOT_ID = 123456
MODULE = "digital-security"  # a module of the content pack, so its title can be shown
INVITE = "JOINAGAIN1"



@pytest.fixture
async def any_app(settings: Settings, clock: FakeClock,
                  migrated_engine: AsyncEngine) -> AsyncIterator[App]:
    """The app on SQLite and on PostgreSQL."""
    application = build_app(settings, clock=clock, engine=migrated_engine)
    await application.start()
    yield application
    await application.close()


def t(app: App, msg_id: str, **args: object) -> str:
    return app.deps.translator.format("en", msg_id, args)


def _link(telegram_id: int, label: str = "write to them") -> str:
    return f'<a href="tg://user?id={telegram_id}">{label}</a>'


@dataclass
class Seeded:
    a: int
    b: int
    c: int
    cohort: int
    pairing: int
    incident: int


def _person(telegram_id: int, cohort_id: int, role: str, now: Any, **extra: Any) -> Participant:
    fields: dict[str, Any] = {"language": "en", "step": "menu", "step_data": {},
                              "quiet_start": 21 * 60, "quiet_end": 8 * 60, "onboarded_at": now,
                              "created_at": now, "updated_at": now, **extra}
    return Participant(telegram_id=telegram_id, cohort_id=cohort_id, role=role, **fields)


def _outbox(key: str, chat_id: int, participant_id: int | None, text: str, now: Any, *,
            html: bool = False, broadcast_id: int | None = None,
            status: str = "sent") -> OutboxMessage:
    return OutboxMessage(key=key, chat_id=chat_id, participant_id=participant_id,
                         broadcast_id=broadcast_id, text=text, html=html, buttons=[],
                         status=status, attempts=0, next_attempt_at=now, created_at=now)


async def seed(app: App) -> Seeded:
    """A (who will forget), B (facilitator, mentee of A, safety contact) and C, with A's data
    in every table that can hold it, and B's and C's beside it."""
    now = app.deps.clock.now()
    async with app.sessions() as s:
        exchange = Exchange(slug="lima", name="Lima Exchange", starts_on=date(2026, 3, 2),
                            ends_on=date(2026, 3, 6), created_by=A_TID, created_at=now,
                            checkin_offsets=[7])
        s.add(exchange)
        await s.flush()
        cohort = Cohort(exchange_id=exchange.id, name="Lima", slug="lima", created_at=now)
        s.add(cohort)
        await s.flush()
        s.add(InviteCode(code=INVITE, cohort_id=cohort.id, role="participant",
                         created_by=A_TID, created_at=now, uses=0))
        a = _person(A_TID, cohort.id, "participant", now, alias=ALIAS, region="region-americas",
                    timezone="America/Lima", step_data={"plan": {"what": SECRET}},
                    track_id="core", current_module=MODULE)
        b = _person(B_TID, cohort.id, "facilitator", now)
        c = _person(C_TID, cohort.id, "participant", now)
        s.add_all([a, b, c])
        await s.flush()
        cohort.facilitator_id = a.id
        for person in (a, b):
            for purpose in ("progress", "stories", "followup"):
                s.add(ConsentEvent(participant_id=person.id, purpose=purpose, granted=True,
                                   policy_version=POLICY_VERSION, created_at=now))
        for person, text in ((a, SECRET), (b, B_TEXT)):
            s.add(ModuleProgress(participant_id=person.id, module_id=MODULE, card_id="sign-up",
                                 step_id="", started_at=now, updated_at=now))
            s.add(CardResult(participant_id=person.id, module_id=MODULE, card_id="sign-up",
                             choice_id="holder", step_id="", correct=True, created_at=now))
            s.add(Reflection(participant_id=person.id, module_id=MODULE, card_id="phones",
                             text=text, created_at=now))
            s.add(Assessment(participant_id=person.id, answers={"rate-risk": 2}, note=text,
                             recommended_track="core", created_at=now))
            s.add(Story(participant_id=person.id, cohort_id=cohort.id, kind="win", text=text,
                        created_at=now))
            s.add(MentorshipRequest(participant_id=person.id, kind="offer", created_at=now))
        # A acted as staff once; B set A's role (the audit names A by Telegram id).
        s.add(AuditEntry(actor_id=A_TID, action="invite", target="lima participant",
                         outcome="ok", created_at=now))
        s.add(AuditEntry(actor_id=B_TID, action="role", target=f"{A_TID} facilitator",
                         outcome="ok", created_at=now))
        # Prompts both ways, each answered.
        by_a = Broadcast(sender_id=A_TID, cohort_id=cohort.id, segment="all", text=PROMPT,
                         html=False, options=["yes"], send_at=now, status="done", total=1,
                         skipped_consent=0, skipped_blocked=0, status_message_id=77,
                         created_at=now)
        by_b = Broadcast(sender_id=B_TID, cohort_id=cohort.id, segment="all", text=B_PROMPT,
                         html=False, options=["yes"], send_at=now, status="done", total=1,
                         skipped_consent=0, skipped_blocked=0, created_at=now)
        s.add_all([by_a, by_b])
        await s.flush()
        s.add(BroadcastAnswer(broadcast_id=by_a.id, participant_id=b.id, option=0,
                              created_at=now))
        s.add(BroadcastAnswer(broadcast_id=by_b.id, participant_id=a.id, option=0,
                              created_at=now))
        # Plans, a check-in with a note and a call for help.
        checkins = {}
        for person, text in ((a, SECRET), (b, B_TEXT)):
            commitment = Commitment(participant_id=person.id, what=text, who="", status="open",
                                    due_on=date(2026, 4, 1), created_at=now, updated_at=now)
            checkin = Checkin(participant_id=person.id, exchange_id=exchange.id,
                              cohort_id=cohort.id, offset_days=7, status="answered",
                              created_at=now, answered_at=now, wellbeing=4)
            s.add_all([commitment, checkin])
            await s.flush()
            s.add(CheckinAnswer(checkin_id=checkin.id, commitment_id=commitment.id,
                                status="blocked", note=text, circle_requested=True,
                                created_at=now))
            checkins[person.id] = (checkin.id, commitment.id)
        s.add(CheckinDigest(cohort_id=cohort.id, offset_days=7, created_at=now))
        # Mentoring: A mentors B; C and B were proposed by A (as staff) too.
        pairing = Pairing(mentor_id=a.id, mentee_id=b.id, cohort_id=cohort.id, status="active",
                          mentor_reveals=True, mentee_reveals=True, created_at=now,
                          started_at=now)
        proposed = Pairing(mentor_id=c.id, mentee_id=b.id, cohort_id=cohort.id,
                           status="proposed", proposed_by=A_TID, created_at=now)
        s.add_all([pairing, proposed])
        # The library: A's story (submitted by B), and B's (submitted by A).
        s.add(LibrarySubmission(author_id=a.id, submitted_by=B_TID, kind="story", title="Ours",
                                text=SECRET, language="en", status="approved", created_at=now))
        s.add(LibrarySubmission(author_id=b.id, submitted_by=A_TID, kind="story",
                                title="Theirs", text=B_STORY, language="en", status="approved",
                                created_at=now))
        # A live session A created, attended by A and B.
        live = LiveSession(exchange_id=exchange.id, title="Circle", starts_at=now, minutes=60,
                           format="stream", where="", language="en", created_by=A_TID,
                           created_at=now)
        s.add(live)
        await s.flush()
        for person, text in ((a, SECRET), (b, B_TEXT)):
            s.add(SessionAttendance(session_id=live.id, participant_id=person.id,
                                    created_at=now))
            s.add(SessionFeedback(session_id=live.id, participant_id=person.id, pacing=4,
                                  inclusivity=5, usefulness=4, text=text, created_at=now))
        incident = Incident(exchange_id=exchange.id, reporter_id=a.id, what=INCIDENT,
                            happened="today", place="Lima", severity="high", status="open",
                            created_at=now + timedelta(hours=5, minutes=17))
        s.add(incident)
        await s.flush()
        await s.commit()
        seeded = Seeded(a.id, b.id, c.id, cohort.id, pairing.id, incident.id)

    async with app.sessions() as s:
        circle_checkin, circle_commitment = checkins[seeded.a]
        s.add_all([
            # To A: a copy of B's prompt, and a notice to A's chat without a participant id.
            _outbox(f"bc:{by_b.id}:{seeded.a}", A_TID, seeded.a, B_PROMPT, now,
                    broadcast_id=by_b.id),
            _outbox(f"bcdone:{by_a.id}", A_TID, None, "All sent", now, status="pending"),
            # To B: A's prompt (kept), A's words relayed, A's link shared, a call for help,
            # and safety alerts naming A (kept, unlinked).
            _outbox(f"bc:{by_a.id}:{seeded.b}", B_TID, seeded.b, PROMPT, now,
                    broadcast_id=by_a.id),
            _outbox(f"mtr:{seeded.pairing}:abc", B_TID, seeded.b, f"From your mentor\n{SECRET}",
                    now, status="pending"),
            _outbox(f"mtk:{seeded.pairing}:{seeded.b}", B_TID, seeded.b,
                    f"Shared: {_link(A_TID)}", now, html=True),
            _outbox(f"circle:{circle_checkin}:{circle_commitment}:{seeded.b}", B_TID, seeded.b,
                    f"Needs help with {SECRET}. {_link(A_TID)}", now, html=True),
            _outbox(f"incident:{seeded.incident}:{seeded.b}", B_TID, seeded.b,
                    f"Report: {INCIDENT}\nBy: {_link(A_TID, 'the reporter')}", now,
                    html=True, status="pending"),
            _outbox(f"mtx:{seeded.pairing}:r1:{B_TID}", B_TID, seeded.b,
                    f"Pair {seeded.pairing}\n\n{_link(A_TID)}", now, html=True),
            _outbox("welcome:b", B_TID, seeded.b, B_TEXT, now),
        ])
        # The digest of the round, made as the sweep makes it: it quotes A's note and B's.
        await s.commit()
    async with app.sessions() as s:
        for message in await _digest(s, app.deps.translator, seeded.cohort, 7):
            s.add(_outbox(message.key, message.chat_id, message.participant_id, message.text,
                          now))
        # Updates in flight: A's message not yet handled, A's answer not yet delivered, one
        # delivered long ago (nothing left but ids), and B's.
        s.add_all([
            TelegramUpdate(bot_id=BOT_ID, update_id=500, status="received", received_at=now,
                           payload=json.dumps({"update_id": 500, "message": {
                               "message_id": 9, "date": 0, "text": SECRET,
                               "from": {"id": A_TID, "is_bot": False, "first_name": ALIAS},
                               "chat": {"id": A_TID, "type": "private"}}})),
            TelegramUpdate(bot_id=BOT_ID, update_id=501, status="handled", received_at=now,
                           outcome=encode_delivery(Inbound(501, A_TID, A_TID, Kind.TEXT),
                                                   Outcome((Reply(SECRET),)))),
            TelegramUpdate(bot_id=BOT_ID, update_id=502, status="delivered", received_at=now),
            TelegramUpdate(bot_id=BOT_ID, update_id=503, status="received", received_at=now,
                           payload=json.dumps({"update_id": 503, "message": {
                               "message_id": 3, "date": 0, "text": B_TEXT,
                               "from": {"id": B_TID, "is_bot": False, "first_name": "B"},
                               "chat": {"id": B_TID, "type": "private"}}})),
        ])
        await s.commit()
    return seeded


async def collected(app: App, participant_id: int | None, telegram_id: int) -> mydata.Rows:
    async with app.sessions() as session:
        return await mydata.collect(session, participant_id, telegram_id)


async def scan(app: App, needles: list[str]) -> list[str]:
    """Every column of every row of every table, as text (encrypted columns decrypted)."""
    hits = []
    async with app.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            for row in await connection.execute(select(table)):
                for column, value in row._mapping.items():
                    hits += [f"{table.name}.{column} holds {needle!r}"
                             for needle in needles if needle in str(value)]
    return hits


def person_tables() -> set[str]:
    return ({mydata.PARTICIPANTS} | {t.name for t in mydata.participant_keys()}
            | {t.name for t in mydata.dependent_keys()}
            | {t.name for t in mydata.telegram_id_columns()})


# -- the schema: nothing that can hold a person goes unnoticed -------------------------------
def test_every_table_is_classified() -> None:
    """A new table either links to a person in a way the code finds, or is named here as
    holding nobody's data."""
    holding_nobody = {"checkin_digests", "telegram_updates"}
    assert {t.name for t in Base.metadata.sorted_tables} - person_tables() == holding_nobody


def test_every_big_integer_column_is_classified() -> None:
    """A BigInteger column may hold a Telegram id: say which, in storage.mydata."""
    assert mydata.unclassified_big_integers() == []
    big = {(t.name, c.name) for t in Base.metadata.sorted_tables for c in t.columns
           if isinstance(c.type, BigInteger)}
    named = {(t, c) for t, cs in mydata.TELEGRAM_ID_COLUMNS.items() for c in cs}
    assert named <= big


def test_every_key_to_participants_cascades_or_unlinks() -> None:
    """Deleting a participant row must never fail, nor leave a dangling id."""
    for table in Base.metadata.sorted_tables:
        for key in table.foreign_keys:
            if key.column.table.name == mydata.PARTICIPANTS:
                assert key.ondelete in ("CASCADE", "SET NULL"), f"{table.name}.{key.parent}"


# -- /mydata ---------------------------------------------------------------------------------
async def test_mydata_covers_every_table_and_nobody_else(any_app: App) -> None:
    seeded = await seed(any_app)
    found = await collected(any_app, seeded.a, A_TID)
    assert person_tables() - found.keys() == set(), "seed() needs a row of A's in these"
    dump = json.dumps(found, default=str)
    assert SECRET in dump and ALIAS in dump  # decrypted, whole
    assert B_TEXT not in dump and str(B_TID) not in dump  # nothing of anyone else
    assert [r["text"] for r in found["reflections"]] == [SECRET]
    assert len(found["consent_events"]) == 3
    assert len(found["checkin_answers"]) == 1  # reached through A's check-in and commitment
    assert [r["reporter_id"] for r in found["incidents"]] == [seeded.a]
    assert {r["key"].split(":")[0] for r in found["outbox"]} == {"bc", "bcdone"}


async def test_mydata_summary_and_file(app: App) -> None:
    seeded = await seed(app)
    chat = ChatDriver(app, A_TID)
    await chat.send("/mydata")
    summary = chat.text
    assert summary.startswith(t(app, "privacy-summary-title"))
    assert t(app, "privacy-summary-line", kind=t(app, "privacy-kind-reflections"),
             count=1) in summary
    assert t(app, "privacy-summary-line", kind=t(app, "privacy-kind-consent_events"),
             count=3) in summary
    await chat.press(t(app, "privacy-download"))
    readable, machine = chat.last.replies
    assert readable.document is not None and machine.document is not None
    assert readable.document.filename == "my-data-20260302.txt"
    assert machine.document.filename == "my-data-20260302.json"
    assert chat.last.toast == t(app, "privacy-file-sent")
    data = json.loads(machine.document.content)
    assert data["telegram_id"] == A_TID
    assert data["tables"]["participants"][0]["id"] == seeded.a
    assert data["tables"]["commitments"][0]["what"] == SECRET
    assert data == json.loads(json.dumps(data))  # plain JSON all through


async def test_the_readable_file_labels_every_field_in_the_persons_language(app: App) -> None:
    await seed(app)
    async with app.sessions() as session:
        await session.execute(update(Participant).where(Participant.telegram_id == A_TID)
                              .values(language="es"))
        await session.commit()
    chat = ChatDriver(app, A_TID, language_code="es")
    await chat.send("/mydata")
    await chat.press(app.deps.translator.format("es", "privacy-download"))
    readable = chat.last.replies[0].document
    assert readable is not None
    lines = readable.content.decode().splitlines()
    es = app.deps.translator.for_language("es")
    # 09:00 UTC is 04:00 in Lima, where A lives; the title says which zone that is.
    assert lines[0] == es("privacy-text-title", when="2 mar 2026, 4:00", zone="America/Lima")
    assert f"== {es('privacy-kind-reflections')} (1) ==" in lines
    assert f"{es('privacy-field-text')}: {SECRET}" in lines
    assert f"{es('privacy-field-quiet_start')}: 21:00" in lines  # not "1260"
    assert f"{es('privacy-field-quiet_end')}: 08:00" in lines
    assert f"{es('privacy-field-alias')}: {ALIAS}" in lines
    assert f"{es('privacy-field-granted')}: {es('privacy-value-yes')}" in lines
    assert f"{es('privacy-field-starts_on')}: 2 mar 2026" in lines
    assert f"{es('privacy-field-purpose')}: {es('consent-progress-short')}" in lines
    # A needs assessment's answers: each question asked, with the answer, not a JSON object.
    assert f"  {es('assess-rate-risk-name')} — 2/5" in lines
    # A card by its place in the module (cards have no titles); a reply button as counted.
    assert f"{es('privacy-field-card_id')}: {es('privacy-value-card', number=4, total=6)}" \
        in lines
    assert f"{es('privacy-field-option')}: {es('privacy-value-option', number=1)}" in lines
    # Stored codes read as words: the content's titles, a language's name, the bot's own
    # words for a role, a status, a kind, a severity.
    for column, words in (
            ("track_id", "Habilidades básicas"), ("recommended_track", "Habilidades básicas"),
            ("current_module", "Seguridad digital y consentimiento"),
            ("module_id", "Seguridad digital y consentimiento"),
            ("choice_id", "Una persona, una copia, fecha de borrado"),
            ("language", "Español"), ("language", "English"),
            ("role", es("console-role-participant")), ("segment", es("bc-segment-all")),
            ("severity", es("incident-severity-high")), ("happened", es("incident-when-today")),
            ("kind", es("story-kind-win")), ("kind", es("library-type-story")),
            ("kind", es("privacy-value-mentoring-offer")),
            ("status", es("privacy-value-commitment-open")),
            ("status", es("privacy-value-checkin-answered")), ("status", es("checkin-blocked")),
            ("status", es("privacy-value-pairing-active")),
            ("status", es("privacy-value-pairing-proposed")),
            ("status", es("privacy-value-submission-approved")),
            ("status", es("incident-status-open")), ("status", es("privacy-value-broadcast-done")),
            ("status", es("privacy-value-message-sent")),
            ("outcome", es("privacy-value-outcome-ok"))):
        assert f"{es(f'privacy-field-{column}')}: {words}" in lines, (column, words)
    codes = {"participant", "core", MODULE, "holder", "en", "es", "all", "high", "today", "win",
             "story", "offer", "open", "answered", "blocked", "active", "approved", "done",
             "sent", "ok"}
    assert not [line for line in lines if line.partition(": ")[2] in codes]
    # Every "Label: value" line has a Spanish label: no column name leaks through.
    fields = [line.split(": ", 1)[0] for line in lines[2:] if ": " in line
              and not line.startswith(("==", "--"))]
    labels = {es(f"privacy-field-{c}") for c in labelled(app)}
    assert fields and set(fields) <= labels


async def test_the_json_explains_each_key_and_writes_values_plainly(app: App) -> None:
    await seed(app)
    chat = ChatDriver(app, A_TID)
    await chat.send("/mydata")
    await chat.press(t(app, "privacy-download"))
    machine = chat.last.replies[1].document
    assert machine is not None
    data = json.loads(machine.content)
    assert data["format"] == 2 and data["exported_at"] == "2026-03-02T09:00:00+00:00"
    about = data["_about"]
    keys = {key for rows in data["tables"].values() for row in rows for key in row}
    assert keys == about["fields"].keys()  # every key used is explained, and no other
    assert about["tables"].keys() == data["tables"].keys()
    assert about["fields"]["quiet_start"] == t(app, "privacy-field-quiet_start")
    assert about["fields"]["participant_id"] == t(app, "privacy-about-reference")
    assert about["format"] == t(app, "privacy-about-format")
    [me] = data["tables"]["participants"]
    assert (me["quiet_start"], me["quiet_end"]) == ("21:00", "08:00")
    # Values as stored, for tools: the codes, not the words of one language.
    assert (me["role"], me["language"], me["track_id"]) == ("participant", "en", "core")
    assert data["tables"]["incidents"][0]["severity"] == "high"
    assert me["created_at"] == "2026-03-02T09:00:00+00:00"


def labelled(app: App) -> set[str]:
    """Column names with a ``privacy-field-`` label in English."""
    english = messages("en")
    return {column.name for table in Base.metadata.sorted_tables for column in table.columns
            if f"privacy-field-{column.name}" in english}


async def test_every_column_is_labelled_or_the_bots_own(app: App) -> None:
    """A column added later gets a label in every language, or is named a reference or
    bookkeeping in handlers.mydata_export."""
    assert mydata_export.unlabelled_columns(labelled(app)) == []
    for lang in app.deps.translator.languages:
        for name in labelled(app):
            msg_id = f"privacy-field-{name}"
            assert app.deps.translator.format(lang, msg_id) != msg_id, (lang, name)


async def test_every_table_has_a_name_in_every_language(app: App) -> None:
    for lang in app.deps.translator.languages:
        for table in person_tables():
            msg_id = f"privacy-kind-{table}"
            assert app.deps.translator.format(lang, msg_id) != msg_id, (lang, table)


async def test_mydata_for_a_stranger(app: App, admin: ChatDriver) -> None:
    stranger = ChatDriver(app, C_TID)
    await stranger.send("/mydata")
    assert stranger.text == t(app, "privacy-nothing")
    await stranger.send("/audit")  # refused, and audited under their Telegram id
    await stranger.send("/mydata")
    assert t(app, "privacy-kind-audit_log") in stranger.text
    await stranger.send("/forget")
    await stranger.press(t(app, "privacy-forget-yes"))
    assert stranger.text == t(app, "privacy-forgotten")
    async with app.sessions() as session:
        actors = set(await session.scalars(select(AuditEntry.actor_id)))
    assert C_TID not in actors and erasure.ERASED in actors


# -- /forget ---------------------------------------------------------------------------------
async def test_forget_leaves_no_trace(any_app: App) -> None:
    app = any_app
    seeded = await seed(app)
    before_b = await collected(app, seeded.b, B_TID)
    before_c = await collected(app, seeded.c, C_TID)
    needles = [str(A_TID), pseudonym(KEY, A_TID), SECRET, ALIAS]
    assert len(await scan(app, needles)) > 20  # the scan sees what is there

    chat = ChatDriver(app, A_TID)
    await chat.send("/forget")
    assert chat.text == t(app, "privacy-forget-warning")
    await chat.press(t(app, "privacy-forget-yes"))
    assert [(r.text, r.edit) for r in chat.last.replies] == [(t(app, "privacy-forgotten"),
                                                              True)]

    assert await scan(app, needles) == []
    after_b = await collected(app, seeded.b, B_TID)
    changed = {"outbox", "pairings", "audit_log", "library_submissions"}
    assert {k: v for k, v in after_b.items() if k not in changed} == \
        {k: v for k, v in before_b.items() if k not in changed}
    after_c = await collected(app, seeded.c, C_TID)
    assert {k: v for k, v in after_c.items() if k != "pairings"} == \
        {k: v for k, v in before_c.items() if k != "pairings"}
    assert [p["proposed_by"] for p in after_c["pairings"]] == [None]
    await _what_stays(app, seeded, before_b, after_b)


async def _what_stays(app: App, seeded: Seeded, before_b: mydata.Rows,
                      after_b: mydata.Rows) -> None:
    """B's records stay whole; what was A's in them is unlinked."""
    async with app.sessions() as s:
        report = await s.get(Incident, seeded.incident)
        assert report is not None and report.reporter_id is None and report.what == INCIDENT
        assert (report.created_at.hour, report.created_at.minute) == (0, 0)  # the day only
        cohort = await s.get(Cohort, seeded.cohort)
        assert cohort is not None and cohort.facilitator_id is None
        senders = {b.text: b.sender_id for b in await s.scalars(select(Broadcast))}
        assert senders == {PROMPT: erasure.ERASED, B_PROMPT: B_TID}
        assert await s.scalar(select(func.count()).select_from(Participant)) == 2
        updates = set(await s.scalars(select(TelegramUpdate.update_id)))
        assert updates == {502, 503}
        submitted = list(await s.scalars(select(LibrarySubmission.submitted_by)))
        assert submitted == [erasure.ERASED]  # B's story, which A submitted, stays
    audit = {(r["actor_id"], r["target"]) for r in after_b["audit_log"]}
    assert audit == {(B_TID, f"{erasure.ERASED_TARGET} facilitator")}
    assert [r["text"] for r in after_b["library_submissions"]] == [B_STORY]
    # The pairing with A is gone; C's proposal stays, without who proposed it.
    assert [(p["mentor_id"], p["proposed_by"]) for p in after_b["pairings"]] == [(seeded.c, None)]
    kept = {r["key"].split(":")[0]: r for r in after_b["outbox"]}
    gone = {r["key"].split(":")[0] for r in before_b["outbox"]} - kept.keys()
    assert gone == {"mtr", "mtk", "circle"}
    assert kept["bc"]["text"] == PROMPT
    assert kept["incident"]["text"] == f"Report: {INCIDENT}\nBy: the reporter"
    assert kept["incident"]["status"] == "pending"  # the safety team still hears of it
    assert "<a" not in kept["mtx"]["text"]
    assert B_TEXT in kept["digest"]["text"]
    assert kept["pv-end"]["text"] == t(app, "privacy-pairing-ended")


async def test_after_forget_a_stranger_who_can_join_afresh(app: App) -> None:
    await seed(app)
    chat = ChatDriver(app, A_TID)
    await chat.send("/forget")
    await chat.press(t(app, "privacy-forget-yes"))
    await chat.send("/mydata")
    assert chat.text == t(app, "privacy-nothing")
    await chat.send("/menu")
    assert chat.text == t(app, "join-how")
    await chat.send("/start")
    assert chat.text == t(app, "join-how")
    await chat.send(f"/start {INVITE}")
    assert chat.text == t(app, "onb-language", exchange="Lima Exchange")
    async with app.sessions() as s:
        again = await s.scalar(select(Participant).where(Participant.telegram_id == A_TID))
        assert again is not None and again.alias is None and again.step_data == {}
        assert await s.scalar(select(func.count()).select_from(ConsentEvent)
                              .where(ConsentEvent.participant_id == again.id)) == 0


async def test_forget_kept_or_expired_erases_nothing(app: App, clock: FakeClock) -> None:
    await seed(app)
    chat = ChatDriver(app, A_TID)
    await chat.send("/forget")
    await chat.press(t(app, "privacy-forget-no"))
    assert chat.text == t(app, "privacy-forget-kept")
    await chat.send("/forget")
    clock.advance(timedelta(minutes=16))
    await chat.press(t(app, "privacy-forget-yes"))
    assert chat.text == t(app, "privacy-forget-expired")
    await chat.press_data("1:pvf:notanumber")
    async with app.sessions() as s:
        assert await s.scalar(select(Participant.id).where(Participant.telegram_id == A_TID))


# -- consent withdrawal ------------------------------------------------------------------------
async def _member(app: App, admin: ChatDriver, user_id: int) -> tuple[ChatDriver, int]:
    cohort = await new_exchange(admin, f"Exchange {user_id}")
    chat = await join(app, await invite_code(admin, cohort), user_id, consents="yyyy")
    async with app.sessions() as s:
        me = await s.scalar(select(Participant.id).where(Participant.telegram_id == user_id))
    assert me is not None
    return chat, me


async def _withdraw(chat: ChatDriver, purpose: str) -> list[str]:
    await chat.send("/consent")
    short = chat.t("en", f"consent-{purpose}-short")
    await chat.press(chat.t("en", "consent-withdraw", question=short))
    return chat.texts


async def test_withdrawing_progress_deletes_what_only_it_allowed(app: App,
                                                                 admin: ChatDriver) -> None:
    chat, me = await _member(app, admin, A_TID)
    _, other = await _member(app, admin, B_TID)
    now = app.deps.clock.now()
    async with app.sessions() as s:
        exchange_id = await s.scalar(select(Exchange.id).order_by(Exchange.id))
        assert exchange_id is not None
        for person in (me, other):
            s.add(Reflection(participant_id=person, module_id="m", card_id="c", text=SECRET,
                             created_at=now))
            s.add(Assessment(participant_id=person, answers={"rate-risk": 2}, note=SECRET,
                             recommended_track="core", created_at=now))
            commitment = Commitment(participant_id=person, what=SECRET, who="", status="open",
                                    due_on=date(2026, 4, 1), created_at=now, updated_at=now)
            checkin = Checkin(participant_id=person, exchange_id=exchange_id, offset_days=7,
                              status="answered", created_at=now)
            s.add_all([commitment, checkin])
            await s.flush()
            s.add(CheckinAnswer(checkin_id=checkin.id, commitment_id=commitment.id,
                                status="done", note=SECRET, circle_requested=False,
                                created_at=now))
            s.add_all([_outbox(f"deadline:{commitment.id}:2026-04-01", 1, person, SECRET,
                               now, status=status) for status in ("pending",)]
                      + [_outbox(f"circle:{checkin.id}:{commitment.id}:9:{status}", 1, None,
                                 SECRET, now, status=status) for status in ("sent", "pending")])
            s.add(ModuleProgress(participant_id=person, module_id="m", card_id="c",
                                 step_id="", started_at=now, updated_at=now))
            s.add(CardResult(participant_id=person, module_id="m", card_id="q", choice_id="a",
                             correct=True, created_at=now))
        mine = await s.get(Participant, me)
        assert mine is not None
        mine.step_data = {"plan": {"what": SECRET}, "other": 1}
        mine.current_module, mine.track_id = "m", "core"
        await s.commit()

    overview, note = await _withdraw(chat, "progress")
    assert t(app, "consent-state-no", question=t(app, "consent-progress")) in overview
    assert note == t(app, "privacy-withdrawn-progress", modules=1, quiz=1, reflections=1,
                     commitments=1, answers=1, notes=1)
    async with app.sessions() as s:
        def of(model: Any) -> Any:
            return select(func.count()).select_from(model).where(model.participant_id == me)

        assert await s.scalar(of(Reflection)) == 0
        assert await s.scalar(of(Commitment)) == 0
        assert await s.scalar(select(func.count()).select_from(CheckinAnswer)) == 1  # B's
        # Where they stand and how they answered: "store my progress" alone allowed those.
        assert await s.scalar(of(ModuleProgress)) == 0
        assert await s.scalar(of(CardResult)) == 0
        assert await s.scalar(of(Checkin)) == 1
        left = sorted(r.key.split(":")[0] + ":" + r.status
                      for r in await s.scalars(select(OutboxMessage)))
        # Their deadline nudge and their sent call for help went; an unsent call still goes.
        assert left == ["circle:pending", "circle:pending", "circle:sent", "deadline:pending"]
        assessment = await s.scalar(select(Assessment).where(Assessment.participant_id == me))
        assert assessment is not None and assessment.note is None
        assert assessment.answers == {"rate-risk": 2}
        mine = await s.get(Participant, me)
        assert mine is not None and mine.step_data == {"other": 1}
        assert (mine.current_module, mine.track_id) == (None, None)
        # B's are untouched.
        assert await s.scalar(select(func.count()).select_from(Reflection)) == 1
        assert await s.scalar(select(func.count()).select_from(ModuleProgress)) == 1
        assert await s.scalar(select(func.count()).select_from(CardResult)) == 1
        assert await s.scalar(select(Assessment.note)
                              .where(Assessment.participant_id == other)) == SECRET

    # Withdrawing again changes nothing; giving it back deletes nothing either.
    await chat.press(chat.t("en", "consent-give",
                            question=chat.t("en", "consent-progress-short")))
    assert len(chat.texts) == 1


async def test_withdrawing_stories_deletes_them(app: App, admin: ChatDriver) -> None:
    chat, me = await _member(app, admin, A_TID)
    _, other = await _member(app, admin, B_TID)
    now = app.deps.clock.now()
    async with app.sessions() as s:
        for person in (me, me, other):
            s.add(Story(participant_id=person, kind="win", text=SECRET, created_at=now))
        await s.commit()
    _, note = await _withdraw(chat, "stories")
    assert note == t(app, "privacy-withdrawn-stories", stories=2)
    async with app.sessions() as s:
        assert list(await s.scalars(select(Story.participant_id))) == [other]


async def test_withdrawing_followup_cancels_queued_nudges(app: App, admin: ChatDriver) -> None:
    chat, me = await _member(app, admin, A_TID)
    _, other = await _member(app, admin, B_TID)
    now = app.deps.clock.now()
    async with app.sessions() as s:
        s.add_all([
            _outbox(f"module:{me}:20260302", A_TID, me, "Carry on?", now, status="pending"),
            _outbox("checkin:1:7", A_TID, me, "How did it go?", now, status="claimed"),
            _outbox("bc:1:1", A_TID, me, "Prompt", now, status="pending"),
            _outbox("deadline:1:2026-04-01", A_TID, me, "Tomorrow", now),  # sent already
            _outbox("mtr:1:abc", A_TID, me, "From your mentor", now, status="pending"),
            _outbox("session-reminder:1:1", A_TID, me, "In an hour", now, status="pending"),
            _outbox("bc:1:2", B_TID, other, "Prompt", now, status="pending"),
        ])
        await s.commit()
    _, note = await _withdraw(chat, "followup")
    assert note == t(app, "privacy-withdrawn-followup", messages=3)
    async with app.sessions() as s:
        rows = {r.key: (r.status, r.error) for r in await s.scalars(select(OutboxMessage))}
    cancelled = ("failed", erasure.CONSENT_WITHDRAWN)
    assert rows[f"module:{me}:20260302"] == rows["checkin:1:7"] == rows["bc:1:1"] == cancelled
    assert rows["deadline:1:2026-04-01"] == ("sent", None)
    assert rows["mtr:1:abc"] == rows["session-reminder:1:1"] == ("pending", None)
    assert rows["bc:1:2"] == ("pending", None)  # someone else's

"""/report, /stats and /export against a cohort whose numbers we know: one person goes through
the real flows (joining, assessments, four modules with the clock moving), the others are
written with the storage functions. On SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import os
import re
import stat
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pydantic import SecretStr
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import App
from bot.clock import FakeClock
from bot.config import Settings
from handlers.consent import POLICY_VERSION
from storage import assessments, exchanges, learning, participants
from storage.consents import record_consent
from storage.models import AuditEntry, CardResult, Checkin, Commitment, Incident, Participant
from storage.reports import Learner, skill_changes, track_summaries
from tests.chat_driver import ChatDriver
from tests.conftest import ADMIN_ID, START, build_app

KEY = "test-pseudonym-key"
EXCHANGE, OTHER = "nairobi-exchange", "nairobi-exchange-youth-organisers"
CORE = ("risk-assessment", "nonviolent-discipline", "media-engagement", "coalition-building")
SAFETY = ("safety-planning", "legal-literacy", "risk-assessment")
WIDTH = 32  # a phone screen's line

# Telegram ids long enough that none turns up by chance in a date or a pseudonym.
P1, P2, P3, P4, P5, P6, P7, P8 = range(710001, 710009)
F1, Q1, C1 = 710009, 710010, 710011
EVERYONE = (P1, P2, P3, P4, P5, P6, P7, P8, F1, Q1, C1)


@pytest.fixture
async def app(settings: Settings, clock: FakeClock,
              migrated_engine: AsyncEngine) -> AsyncIterator[App]:
    configured = settings.model_copy(update={"pseudonym_key": SecretStr(KEY)})
    application = build_app(configured, clock=clock, engine=migrated_engine)
    await application.start()
    yield application
    await application.close()


def expected_pseudonym(telegram_id: int) -> str:
    return hmac.new(KEY.encode(), str(telegram_id).encode(), hashlib.sha256).hexdigest()[:16]


# -- building the cohort -------------------------------------------------------------------
async def join(chat: ChatDriver, code: str) -> None:
    """Onboarding through the real flow, every consent given."""
    await chat.send(f"/start {code}")
    await chat.press("English")
    for _ in range(4):
        await chat.press(chat.t("en", "consent-yes"))
    await chat.press(chat.t("en", "coc-accept"))
    await chat.press(chat.t("en", "region-africa"))
    await chat.press("Nairobi")
    await chat.press(chat.t("en", "quiet-keep", start="21:00", end="08:00"))
    await chat.press(chat.t("en", "assess-later"))
    assert chat.text == chat.t("en", "menu-title")


async def take_assessment(chat: ChatDriver, ratings: tuple[int, int, int, int]) -> None:
    await chat.send("/assessment")
    await chat.press(chat.t("en", "assess-start"))
    for answer in ("assess-role-organiser", "assess-focus-housing", "assess-experience-1to3",
                   "assess-safety-yes", "assess-done"):
        await chat.press(chat.t("en", answer))
    for rating in ratings:
        await chat.press(str(rating))
    await chat.press(chat.t("en", "learn-skip"))  # no note
    assert chat.t("en", "assess-follow") in chat.labels()


async def play_module(chat: ChatDriver, clock: FakeClock, module_id: str, reflection: str,
                      takes: timedelta) -> None:
    """Open a core module and go through every card; the clock moves ``takes`` before the
    last card is answered."""
    title = chat.app.deps.content.modules[module_id].texts["en"].title
    await chat.send("/tracks")
    await chat.press("Core skills")
    await chat.press(title)
    next_label, skip = chat.t("en", "learn-next"), chat.t("en", "learn-skip")
    for _ in range(40):
        labels = chat.labels()
        if skip in labels:  # the reflection that ends every module of the pack
            clock.advance(takes)
            await chat.send(reflection)
            assert chat.t("en", "learn-module-done", title=title) in chat.text
            return
        # Next when it is there, else the first choice of a quiz or a scenario step.
        await chat.press(next_label if next_label in labels else labels[0])
    raise AssertionError(f"{module_id} never ended")


async def add_person(app: App, telegram_id: int, cohort: str, *, track: str | None = None,
                     role: str = "participant", consents: Iterable[tuple[str, bool]] = (),
                     ratings: Iterable[tuple[int, int, int, int]] = (),
                     reflection: str = "") -> int:
    async with app.sessions() as session:
        found = await exchanges.find_cohort(session, cohort)
        assert found is not None
        joined = START + timedelta(hours=1)
        person = await participants.create(session, telegram_id, language="en",
                                           cohort_id=found[0].id, role=role, step="menu",
                                           now=joined)
        person.onboarded_at, person.track_id, person.region = joined, track, "africa"
        for purpose, granted in consents:
            await record_consent(session, person.id, purpose, granted,
                                 policy_version=POLICY_VERSION, now=joined)
        for number, (risk, nv, media, coalition) in enumerate(ratings):
            answers: dict[str, object] = {"rate-risk": risk, "rate-nv": nv,
                                          "rate-media": media, "rate-coalition": coalition}
            await assessments.save(session, person.id, answers, note="a private note",
                                   recommended_track="core",
                                   now=joined + timedelta(days=7 * number))
        if reflection:
            await learning.keep_reflection(session, person.id, "risk-assessment", "r",
                                           text=reflection, now=joined)
        await session.commit()
        return person.id


async def add_progress(app: App, participant_id: int, modules: Iterable[str],
                       start: datetime, hours: float, *, completed: bool = True) -> None:
    """Modules opened one after another from ``start``, the last finished ``hours`` later."""
    modules = list(modules)
    step = timedelta(hours=hours) / len(modules)
    async with app.sessions() as session:
        for number, module_id in enumerate(modules):
            row = await learning.start(session, participant_id, module_id, "c1",
                                       start + step * number)
            if completed:
                row.completed_at = start + step * (number + 1)
        await session.commit()


@dataclass
class World:
    admin: ChatDriver
    p1: ChatDriver


YES = [("progress", True), ("stories", True)]


async def build_world(app: App, admin: ChatDriver, clock: FakeClock) -> World:
    """Cohort A (the exchange's first): eight learners and a facilitator; cohort B: one
    learner and a coordinator; then a newer, empty exchange."""
    await admin.send("/newexchange Nairobi Exchange 2026-03-02 2026-03-06")
    await admin.send(f"/newcohort {EXCHANGE} Youth organisers")
    assert OTHER in admin.text
    await admin.send(f"/invite {EXCHANGE}")
    code = re.search(r"/start (\S+)", admin.text)
    assert code

    # P1, through the real flows: core in 48 h (12 h a module), three assessments.
    p1 = ChatDriver(app, P1)
    await join(p1, code.group(1))
    await take_assessment(p1, (2, 3, 1, 4))
    for number, module_id in enumerate(CORE):
        text = "=1+1 is not the answer" if number == 0 else f"P1 on {module_id}"
        await play_module(p1, clock, module_id, text, timedelta(hours=12))
    await take_assessment(p1, (5, 5, 5, 5))
    await take_assessment(p1, (4, 3, 2, 4))

    later = START + timedelta(days=1)
    p2 = await add_person(app, P2, EXCHANGE, track="core",
                          consents=[("progress", True), ("stories", False)],
                          ratings=[(3, 3, 3, 3), (4, 2, 3, 5)], reflection="P2 private")
    await add_progress(app, p2, CORE, later, 96)
    p3 = await add_person(app, P3, EXCHANGE, track="core", consents=[("progress", False)],
                          ratings=[(2, 2, 2, 2)])
    await add_progress(app, p3, CORE[:1], later, 5, completed=False)
    await add_person(app, P4, EXCHANGE, track="core", consents=YES)
    p5 = await add_person(app, P5, EXCHANGE, track="core",
                          consents=[*YES, ("progress", False)],  # withdrawn since
                          reflection="P5 withdrew")
    await add_progress(app, p5, CORE, later, 10)
    for telegram_id, hours in ((P6, 30), (P7, 40)):
        person = await add_person(app, telegram_id, EXCHANGE, track="safety-legal",
                                  consents=[("progress", True)])
        await add_progress(app, person, SAFETY, later, hours)
    await add_person(app, P8, EXCHANGE)
    # Staff are not learners: the facilitator's progress and ratings count nowhere.
    f1 = await add_person(app, F1, EXCHANGE, track="core", role="facilitator",
                          consents=[("progress", True)], ratings=[(1, 1, 1, 1), (5, 5, 5, 5)])
    await add_progress(app, f1, CORE[:1], later, 1)
    q1 = await add_person(app, Q1, OTHER, track="core", consents=YES,
                          ratings=[(1, 1, 1, 1), (2, 2, 2, 2)], reflection="Q1 shares this")
    await add_progress(app, q1, CORE[:1], later, 2)
    await add_person(app, C1, OTHER, role="coordinator")

    await admin.send("/newexchange Lima Exchange 2026-05-04 2026-05-08")
    return World(admin, p1)


def report_a(chat: ChatDriver) -> str:
    t = chat.t
    return "\n\n".join([
        t("en", "reports-title", cohort="Nairobi Exchange", handle=EXCHANGE) + "\n"
        + t("en", "reports-people", count=8, untracked=1),
        # P1 48 h, P2 96 h, P5 10 h: the median is P1's, not the mean (51 h 20 m).
        t("en", "reports-track", track="Core skills", enrolled=5, started=4, completed=3,
          rate=t("en", "reports-percent", percent=60),
          median=t("en", "reports-days", days=2, hours=0)),
        # 30 h and 40 h: the median of an even count is the middle of the two.
        t("en", "reports-track", track="Safety & legal", enrolled=2, started=2, completed=2,
          rate=t("en", "reports-percent", percent=100),
          median=t("en", "reports-days", days=1, hours=11)),
    ])


async def audit_rows(app: App) -> list[tuple[int, str, str, str]]:
    async with app.sessions() as session:
        rows = await session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        return [(e.actor_id, e.action, e.target, e.outcome) for e in rows]


def narrow(text: str) -> bool:
    return all(len(line) <= WIDTH for line in text.splitlines())


# -- /report -------------------------------------------------------------------------------
async def test_report_of_a_cohort(app: App, admin: ChatDriver, clock: FakeClock) -> None:
    await build_world(app, admin, clock)
    await admin.send(f"/report {EXCHANGE}")
    assert admin.text == report_a(admin)
    assert narrow(admin.text), admin.text
    # The other cohort of the same exchange: its own people only.
    await admin.send(f"/report {OTHER}")
    assert admin.text == "\n\n".join([
        admin.t("en", "reports-title", cohort="Youth organisers", handle=OTHER) + "\n"
        + admin.t("en", "reports-people", count=1, untracked=0),
        admin.t("en", "reports-track", track="Core skills", enrolled=1, started=1,
                completed=0, rate=admin.t("en", "reports-percent", percent=0),
                median=admin.t("en", "reports-none"))])
    await admin.send("/report lima-exchange")
    assert admin.text == "\n".join([
        admin.t("en", "reports-title", cohort="Lima Exchange", handle="lima-exchange"),
        admin.t("en", "reports-nobody")])
    assert [row for row in await audit_rows(app) if row[1] == "report"] == [
        (ADMIN_ID, "report", target, "ok") for target in (EXCHANGE, OTHER, "lima-exchange")]


async def test_a_cohort_where_nobody_chose_a_track(app: App, admin: ChatDriver) -> None:
    await admin.send("/newexchange Quito 2026-06-01 2026-06-05")
    await add_person(app, P1, "quito")
    await admin.send("/report quito")
    assert admin.text == "\n\n".join([
        admin.t("en", "reports-title", cohort="Quito", handle="quito") + "\n"
        + admin.t("en", "reports-people", count=1, untracked=1),
        admin.t("en", "reports-no-tracks")])


def test_durations_and_medians() -> None:
    people = [Learner(1, "t"), Learner(2, "t"), Learner(3, None)]
    from storage.reports import Attempt

    attempts = [Attempt(1, "a", START, START + timedelta(minutes=50)),
                Attempt(1, "b", START, START + timedelta(minutes=20)),
                Attempt(2, "a", START, START + timedelta(hours=3, minutes=10)),
                Attempt(2, "b", START, None)]
    [summary] = track_summaries(people, attempts, {"t": ("a", "b")})
    assert (summary.enrolled, summary.started, summary.completed) == (2, 2, 1)
    assert summary.median_seconds == 50 * 60  # the latest finish minus the earliest start
    [none] = track_summaries(people, [], {"t": ("a",)})
    assert (none.started, none.median_seconds, none.rate) == (0, None, 0.0)


def test_skill_change_ignores_what_is_not_a_rating() -> None:
    history = {1: [{"rate-risk": 2, "rate-nv": True}, {"rate-risk": 5, "rate-nv": 4}],
               2: [{"rate-risk": 4}, {"rate-risk": 3, "rate-nv": 2}],
               3: [{"rate-risk": 1}]}  # one assessment only: not compared
    people, changes = skill_changes(history, ("risk", "nv"))
    assert people == 2
    assert [(c.skill, c.people, c.mean) for c in changes] == [("risk", 2, 1.0),
                                                            ("nv", 0, None)]


# -- /stats --------------------------------------------------------------------------------
def stats_tail(chat: ChatDriver) -> str:
    """The follow-up block of an exchange with no incidents, plans or check-ins."""
    return "\n".join([
        chat.t("en", "reports-stats-incidents", count=0, open=0, urgent=0, high=0),
        chat.t("en", "reports-stats-action-plans", people=0, open=0, done=0, dropped=0),
        chat.t("en", "reports-stats-checkins-none")])


async def test_stats_count_incidents_plans_and_checkins(app: App, admin: ChatDriver) -> None:
    from datetime import date

    from tests.cohort_helpers import invite_code, join, new_exchange

    lima = await new_exchange(admin)
    code = await invite_code(admin, lima)
    people = [await join(app, code, uid) for uid in (8801, 8802, 8803)]
    async with app.sessions() as session:
        ids = {p.telegram_id: p.id for p in await session.scalars(select(Participant))}
        exchange_id = (await exchanges.find_exchange(session, lima)).id  # type: ignore[union-attr]
        for severity, status in (("urgent", "handled"), ("high", "open"), ("low", "open")):
            session.add(Incident(exchange_id=exchange_id, reporter_id=None, what="x",
                                 happened="today", severity=severity, status=status,
                                 created_at=START))
        for uid, status in ((8801, "open"), (8801, "done"), (8802, "dropped")):
            session.add(Commitment(participant_id=ids[uid], what="y", who="",
                                   due_on=date(2026, 4, 1), status=status, created_at=START,
                                   updated_at=START))
        for uid, status in ((8801, "answered"), (8802, "sent"), (8803, "paused")):
            session.add(Checkin(participant_id=ids[uid], exchange_id=exchange_id,
                                offset_days=7, status=status, created_at=START))
        await session.commit()
    await admin.send(f"/stats {lima}")
    t = admin.t
    assert admin.text.endswith("\n".join([
        t("en", "reports-stats-incidents", count=3, open=2, urgent=1, high=1),
        t("en", "reports-stats-action-plans", people=2, open=1, done=1, dropped=1),
        t("en", "reports-stats-checkins", days=7, answered=1, sent=2,
          rate=t("en", "reports-percent", percent=50), paused=1)]))
    assert len(people) == 3


async def test_stats_of_an_exchange(app: App, admin: ChatDriver, clock: FakeClock) -> None:
    await build_world(app, admin, clock)
    await admin.send(f"/stats {EXCHANGE}")
    t = admin.t
    skills = [t("en", "reports-stats-skills", people=3)] + [
        # first → latest: P1 (2,3,1,4)→(4,3,2,4), P2 (3,3,3,3)→(4,2,3,5), Q1 (1,…)→(2,…)
        t("en", "reports-stats-skill", skill=t("en", f"assess-rate-{skill}-name"), change=change)
        for skill, change in (("risk", "+1.33"), ("nv", "+0.00"), ("media", "+0.67"),
                              ("coalition", "+1.00"))]
    assert admin.text == "\n\n".join([
        t("en", "reports-stats-title", exchange="Nairobi Exchange", handle=EXCHANGE,
          start="2 Mar 2026", end="6 Mar 2026", count=11, learners=9, staff=2),
        # Nobody has the safety role: the coordinators hear incident reports, and are told so.
        textwrap.fill(t("en", "safety-warning-none", exchange="Nairobi Exchange",
                        fallback=t("en", "safety-fallback-coordinators")), WIDTH),
        # Modules: P1 4, P2 4, P3 1 (open), P5 4, P6 3, P7 3, Q1 1. Tracks: 5 of 8 finished.
        t("en", "reports-stats-training", started=20, completed=19,
          rate=t("en", "reports-percent", percent=95), finished=5, enrolled=8,
          track_rate=t("en", "reports-percent", percent=63)),
        "\n".join(skills),
        stats_tail(admin)])
    assert narrow(admin.text), admin.text

    # Without an argument: the exchange the coordinator made last, which has nobody yet.
    await admin.send("/stats")
    none = t("en", "reports-none")
    assert admin.text == "\n\n".join([
        t("en", "reports-stats-title", exchange="Lima Exchange", handle="lima-exchange",
          start="4 May 2026", end="8 May 2026", count=0, learners=0, staff=0),
        textwrap.fill(t("en", "safety-warning-none", exchange="Lima Exchange",
                        fallback=t("en", "safety-fallback-coordinators")), WIDTH),
        t("en", "reports-stats-training", started=0, completed=0, rate=none, finished=0,
          enrolled=0, track_rate=none),
        t("en", "reports-stats-skills-none"),
        stats_tail(admin)])
    assert [row for row in await audit_rows(app) if row[1] == "stats"] == [
        (ADMIN_ID, "stats", EXCHANGE, "ok"), (ADMIN_ID, "stats", "lima-exchange", "ok")]


async def test_stats_without_a_name_is_the_exchange_one_runs(app: App,
                                                             admin: ChatDriver) -> None:
    await admin.send("/newexchange Quito 2026-04-06 2026-04-10")
    await admin.send("/invite quito")
    code = re.search(r"/start (\S+)", admin.text)
    assert code
    coordinator = ChatDriver(app, C1)
    await join(coordinator, code.group(1))
    await admin.send(f"/role {C1} coordinator")
    await add_person(app, P1, "quito")
    await add_person(app, F1, "quito", role="facilitator")
    await admin.send("/newexchange Lima 2026-05-04 2026-05-08")  # newer, and not theirs

    def title(name: str, start: str, end: str, **counts: int) -> str:
        return admin.t("en", "reports-stats-title", exchange=name, handle=name.lower(),
                       start=start, end=end, **counts)

    await coordinator.send("/stats")  # their cohort's exchange, counting every member
    assert coordinator.text.startswith(title("Quito", "6 Apr 2026", "10 Apr 2026", count=3,
                                             learners=1, staff=2))
    await coordinator.send("/newexchange Oslo 2026-06-01 2026-06-05")
    await admin.send("/newexchange Zanzibar 2026-07-06 2026-07-10")
    await coordinator.send("/stats")  # the one they made comes first
    assert coordinator.text.startswith(title("Oslo", "1 Jun 2026", "5 Jun 2026", count=0,
                                             learners=0, staff=0))
    await admin.send("/stats")
    assert admin.text.startswith(title("Zanzibar", "6 Jul 2026", "10 Jul 2026", count=0,
                                       learners=0, staff=0))


# -- /export -------------------------------------------------------------------------------
def read_zip(content: bytes) -> dict[str, list[dict[str, str]]]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: list(csv.DictReader(io.StringIO(archive.read(name).decode())))
                for name in archive.namelist()}


async def test_export_is_pseudonymised_and_follows_consent(app: App, admin: ChatDriver,
                                                           clock: FakeClock) -> None:
    await build_world(app, admin, clock)
    assert app.deps.pseudonym_key == KEY.encode()
    await admin.send(f"/export {EXCHANGE}")
    [reply] = admin.last.replies
    assert reply.document is not None
    assert reply.document.filename.startswith(f"{EXCHANGE}-export-")
    # 11 people; progress consent now: P1 P2 P4 P6 P7 F1 Q1; and stories: P1 P4 Q1.
    caption = admin.t("en", "reports-export-caption", exchange="Nairobi Exchange", people=11,
                      progress=7, reflections=3)
    assert reply.document.caption == caption

    with zipfile.ZipFile(io.BytesIO(reply.document.content)) as archive:
        raw = {name: archive.read(name).decode() for name in archive.namelist()}
    everything = "\n".join([*raw, *raw.values()])
    for telegram_id in EVERYONE:
        assert str(telegram_id) not in everything
    assert "private" not in everything  # neither P2's reflection nor anyone's note
    tables = read_zip(reply.document.content)
    assert set(tables) == {"participants.csv", "progress.csv", "card_results.csv",
                           "assessments.csv", "reflections.csv"}
    alias = {expected_pseudonym(i): i for i in EVERYONE}

    people = {alias[row["pseudonym"]]: row for row in tables["participants.csv"]}
    assert set(people) == set(EVERYONE)
    assert (people[F1]["role"], people[F1]["cohort"], people[F1]["track"]) == (
        "facilitator", EXCHANGE, "core")
    assert (people[Q1]["cohort"], people[P8]["track"], people[P1]["region"],
            people[P1]["joined"]) == (OTHER, "", "africa", "2026-03-02")

    progress = [(alias[r["pseudonym"]], r["module"], r["completed_at"])
                for r in tables["progress.csv"]]
    assert {who for who, _, _ in progress} == {P1, P2, P6, P7, F1, Q1}  # not P3, not P5
    mine = [(module, done) for who, module, done in progress if who == P1]
    assert mine == [(m, (START + timedelta(hours=12 * (n + 1))).isoformat())
                    for n, m in enumerate(CORE)]

    async with app.sessions() as session:
        answered = len((await session.scalars(select(CardResult))).all())
    results = tables["card_results.csv"]
    assert answered > 0 and len(results) == answered
    assert {alias[r["pseudonym"]] for r in results} == {P1}

    ratings = [(alias[r["pseudonym"]], r["number"], r["rate_risk"], r["rate_nv"],
                r["rate_media"], r["rate_coalition"]) for r in tables["assessments.csv"]]
    assert [r[1:] for r in ratings if r[0] == P1] == [
        ("1", "2", "3", "1", "4"), ("2", "5", "5", "5", "5"), ("3", "4", "3", "2", "4")]
    assert {r[0] for r in ratings} == {P1, P2, F1, Q1}  # P3 has one, without consent

    reflections = {(alias[r["pseudonym"]], r["text"]) for r in tables["reflections.csv"]}
    assert reflections == {(P1, "'=1+1 is not the answer"), (Q1, "Q1 shares this"),
                           *((P1, f"P1 on {m}") for m in CORE[1:])}
    assert [row for row in await audit_rows(app) if row[1] == "export"] == [
        (ADMIN_ID, "export", EXCHANGE, "ok")]


async def test_export_needs_a_key(app: App, admin: ChatDriver) -> None:
    await admin.send("/newexchange Lima 2026-05-04 2026-05-08")
    app.deps.pseudonym_key = None  # as build_app leaves it without PSEUDONYM_KEY
    await admin.send("/export lima")
    assert admin.texts == [admin.t("en", "reports-export-needs-key")]
    assert all(r.document is None for r in admin.last.replies)
    assert (await audit_rows(app))[-1][1:] == ("export", "no pseudonym key", "invalid")


# -- who may ask ---------------------------------------------------------------------------
async def test_participants_are_refused_and_audited(app: App, admin: ChatDriver,
                                                    clock: FakeClock) -> None:
    world = await build_world(app, admin, clock)
    asks = {"/report": "staff-only", f"/report {EXCHANGE}": "staff-only",
            "/report " + "x" * 300: "staff-only", "/stats": "admin-only",
            f"/stats {EXCHANGE}": "admin-only", "/export": "admin-only",
            f"/export {EXCHANGE}": "admin-only"}
    for command, msg_id in asks.items():
        await world.p1.send(command)
        assert world.p1.texts == [world.p1.t("en", msg_id)], command
        assert world.p1.last.replies[0].document is None
    mine = [row for row in await audit_rows(app) if row[0] == P1]
    assert [(action, outcome) for _, action, _, outcome in mine] == [
        ("report", "refused")] * 3 + [("stats", "refused")] * 2 + [("export", "refused")] * 2
    # Someone who never joined is refused too.
    stranger = ChatDriver(app, 123456789)
    await stranger.send("/report")
    assert stranger.texts == [stranger.t("en", "staff-only")]


async def test_facilitators_report_on_their_own_cohort_only(app: App, admin: ChatDriver,
                                                            clock: FakeClock) -> None:
    await build_world(app, admin, clock)
    facilitator = ChatDriver(app, F1)
    await facilitator.send("/report")
    assert facilitator.text == report_a(facilitator)
    await facilitator.send(f"/report {EXCHANGE}")
    assert facilitator.text == report_a(facilitator)
    for other in (OTHER, "lima-exchange", "nowhere"):  # an unknown one looks the same
        await facilitator.send(f"/report {other}")
        assert facilitator.texts == [facilitator.t("en", "not-your-cohort")], other
    for command in ("/stats", "/export"):
        await facilitator.send(command)
        assert facilitator.texts == [facilitator.t("en", "admin-only")], command
    await facilitator.send("/report " + "x" * 300)
    assert facilitator.texts == [facilitator.t("en", "reports-report-usage")]
    assert [row[1:] for row in await audit_rows(app) if row[0] == F1] == [
        ("report", EXCHANGE, "ok"), ("report", EXCHANGE, "ok"),
        ("report", OTHER, "refused"), ("report", "lima-exchange", "refused"),
        ("report", "nowhere", "refused"), ("stats", "", "refused"), ("export", "", "refused")]


async def test_a_coordinator_by_role_reaches_every_cohort(app: App, admin: ChatDriver,
                                                          clock: FakeClock) -> None:
    await build_world(app, admin, clock)
    coordinator = ChatDriver(app, C1)
    await coordinator.send(f"/report {EXCHANGE}")
    assert coordinator.text == report_a(coordinator)
    await coordinator.send("/report")  # their own cohort
    assert coordinator.text.startswith(
        coordinator.t("en", "reports-title", cohort="Youth organisers", handle=OTHER))
    await coordinator.send(f"/stats {EXCHANGE}")
    assert coordinator.text.startswith(coordinator.t(
        "en", "reports-stats-title", exchange="Nairobi Exchange", handle=EXCHANGE,
        start="2 Mar 2026", end="6 Mar 2026", count=11, learners=9, staff=2))
    await coordinator.send(f"/export {EXCHANGE}")
    document = coordinator.last.replies[0].document
    assert document is not None
    assert len(read_zip(document.content)["participants.csv"]) == 11
    assert [row[1:] for row in await audit_rows(app) if row[0] == C1] == [
        ("report", EXCHANGE, "ok"), ("report", OTHER, "ok"), ("stats", EXCHANGE, "ok"),
        ("export", EXCHANGE, "ok")]


# -- bad input -----------------------------------------------------------------------------
async def test_mistakes_get_usage_or_unknown(app: App, admin: ChatDriver) -> None:
    for command in ("/stats", "/export"):
        await admin.send(command)
        assert admin.texts == [admin.t("en", "reports-no-exchange")], command
    await admin.send("/newexchange Lima 2026-05-04 2026-05-08")
    answers = {
        "/report": "cohort-needed",  # a coordinator from ADMIN_IDS has no cohort of their own
        "/report nowhere": "cohort-unknown",
        "/report " + "x" * 200: "reports-report-usage",
        "/report lima\tlima": "reports-report-usage",
        "/stats nowhere": "exchange-unknown",
        "/stats " + "y" * 200: "reports-stats-usage",
        "/export nowhere": "exchange-unknown",
        "/export lima\x00": "reports-export-usage",
    }
    for command, msg_id in answers.items():
        await admin.send(command)
        assert admin.texts == [admin.t("en", msg_id)], command
    # By name too, as /newexchange was given it.
    await admin.send("/stats LIMA")
    assert admin.text.startswith(admin.t("en", "reports-stats-title", exchange="Lima",
                                         handle="lima", start="4 May 2026", end="8 May 2026",
                                         count=0, learners=0, staff=0))
    assert [row[1:] for row in await audit_rows(app) if row[2] == "nowhere"] == [
        ("stats", "nowhere", "invalid"), ("export", "nowhere", "invalid")]


# -- the terminal chat keeps its own key -----------------------------------------------------
def test_the_terminal_chat_makes_a_private_key_once(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("exchange-bot")
    env = {k: v for k, v in os.environ.items()
           if k not in ("BOT_TOKEN", "DATABASE_URL", "ADMIN_IDS", "PSEUDONYM_KEY")}
    script = "/newexchange Lima Exchange 2026-05-04 2026-05-08\n/export\n"
    keys = []
    for _ in range(2):
        done = subprocess.run([str(exe), "chat", "--as", "coordinator"], input=script,
                              capture_output=True, text=True, cwd=tmp_path, env=env,
                              timeout=60, check=False)
        assert done.returncode == 0, done.stderr
        key_file = tmp_path / "data" / "pseudonym.key"
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        keys.append(key_file.read_text())
    assert keys[0] == keys[1] and re.fullmatch(r"[0-9a-f]{64}", keys[0])
    [archive] = (tmp_path / "data" / "downloads").glob("lima-exchange-export-*.zip")
    assert read_zip(archive.read_bytes())["participants.csv"] == []  # nobody joined Lima


# -- the /stats chart ----------------------------------------------------------------------
def chart_size_shown(chat: ChatDriver) -> int:
    """The KB the chart button promises; fails unless the button is the translated one."""
    [label] = [label for label in chat.labels() if re.search(r"\d", label)]
    size = int(re.sub(r"\D", "", label))
    assert label == chat.t("en", "stats-chart-button", size=size)
    return size


async def test_stats_offers_a_small_chart_with_its_size_first(app: App, admin: ChatDriver,
                                                              clock: FakeClock) -> None:
    from PIL import Image

    await build_world(app, admin, clock)
    await admin.send(f"/stats {EXCHANGE}")
    promised = chart_size_shown(admin)
    await admin.press(admin.t("en", "stats-chart-button", size=promised))
    [reply] = admin.last.replies
    assert reply.document is not None
    assert reply.document.filename == f"{EXCHANGE}-stats.png"
    assert reply.document.caption == admin.t("en", "stats-chart-caption",
                                             exchange="Nairobi Exchange")
    png = reply.document.content
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) <= 40_000
    assert abs(len(png) / 1000 - promised) <= 0.25 * promised + 0.5  # an honest "≈"
    image = Image.open(io.BytesIO(png))
    assert image.size == (600, 400)
    assert len(image.convert("RGB").getcolors(maxcolors=256) or []) <= 16  # few colours
    assert [row for row in await audit_rows(app) if row[1] == "stats-chart"] == [
        (ADMIN_ID, "stats-chart", EXCHANGE, "ok")]

    # The newest exchange has nobody yet: nothing to draw, so no button.
    await admin.send("/stats")
    assert admin.labels() == []


async def test_the_chart_is_for_coordinators_only(app: App, admin: ChatDriver,
                                                  clock: FakeClock) -> None:
    world = await build_world(app, admin, clock)
    await admin.send(f"/stats {EXCHANGE}")
    _, button = admin.find(admin.t("en", "stats-chart-button", size=chart_size_shown(admin)))
    await world.p1.press_data(button.data)
    assert world.p1.texts == [world.p1.t("en", "admin-only")]
    assert world.p1.last.replies[0].document is None
    await admin.press_data(button.data.rsplit(":", 1)[0] + ":999999")  # no such exchange
    assert admin.last.toast == admin.t("en", "button-unknown")


def test_the_plotting_library_is_not_loaded_at_start_up() -> None:
    """matplotlib costs a second and tens of MB: only a coordinator's press loads it."""
    probe = ("import sys; import bot.app, bot.cli, handlers; handlers.build_router(); "
             "print('matplotlib' in sys.modules, 'handlers.stats_chart' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.split() == ["False", "True"]

"""Coordinator and facilitator reports: ``/report``, ``/stats``, ``/export``.

``/report [cohort]`` gives a cohort's learning per track (facilitators: their own cohort only);
``/stats [exchange]`` the evaluation figures of an exchange; ``/export [exchange]`` a zip of
CSVs keyed by pseudonyms, carrying only what each person's consents allow. All three are
audited, and plain text short enough for a phone screen.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import logging
import textwrap
import zipfile
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import datetime

from bot.core import Document, Outcome, Reply
from bot.i18n import format_date
from handlers import incident_routing, stats_chart
from handlers.assessment_questions import CORE_SKILLS
from handlers.context import Ctx
from handlers.roles import COORDINATORS, STAFF, cohort_in_reach, record
from handlers.router import Router
from storage import exchanges, reports
from storage.models import Cohort, Exchange

log = logging.getLogger(__name__)
MAX_HANDLE = 120  # an exchange's name may stand in for its handle
PHONE_WIDTH = 32  # characters on a line of a cheap phone: the tables here fit it
PSEUDONYM_LENGTH = 16
# A spreadsheet runs a cell that starts like a formula; free text must stay text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

router = Router()
router.include(stats_chart.router)  # the /stats chart's button


def _say(text: str) -> Outcome:
    return Outcome((Reply(text),))


def _handle(args: str) -> str | None:
    """The cohort or exchange named ("" for none), or None if no handle can look like that."""
    if len(args) > MAX_HANDLE or not args.isprintable():
        return None
    return " ".join(args.split())


def _tracks(ctx: Ctx) -> dict[str, tuple[str, ...]]:
    return {track.id: track.modules for track in ctx.deps.content.tracks}


def _track_title(ctx: Ctx, track_id: str) -> str:
    track = ctx.deps.content.track(track_id)
    return (track.titles.get(ctx.lang) or track.titles["en"]) if track else track_id


def _rate(ctx: Ctx, part: int, whole: int) -> str:
    if not whole:
        return ctx.t("reports-none")
    return ctx.t("reports-percent", percent=int(100 * part / whole + 0.5))  # half up


def _duration(ctx: Ctx, seconds: float | None) -> str:
    if seconds is None:
        return ctx.t("reports-none")
    minutes = int(seconds / 60 + 0.5)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return ctx.t("reports-days", days=days, hours=hours)
    if hours:
        return ctx.t("reports-hours", hours=hours, minutes=minutes)
    return ctx.t("reports-minutes", minutes=minutes)


# -- /report -------------------------------------------------------------------------------
@router.command("report", role=STAFF)
async def report_command(ctx: Ctx) -> Outcome:
    handle = _handle(ctx.inbound.args)
    if handle is None:
        return _say(ctx.t("reports-report-usage"))
    found = await cohort_in_reach(ctx, "report", handle)
    if isinstance(found, Outcome):
        return found
    cohort, _ = found
    people = await reports.learners(ctx.session, [cohort.id])
    summaries = reports.track_summaries(
        people, await reports.attempts(ctx.session, [cohort.id]), _tracks(ctx))
    await record(ctx, "report", "ok", cohort.slug)
    return _say(cohort_report(ctx, cohort, people, summaries))


def cohort_report(ctx: Ctx, cohort: Cohort, people: Sequence[reports.Learner],
                  summaries: Sequence[reports.TrackSummary]) -> str:
    """A header, then one short block per track someone chose."""
    head = [ctx.t("reports-title", cohort=cohort.name, handle=cohort.slug)]
    if not people:
        return "\n".join([*head, ctx.t("reports-nobody")])
    known = {s.track_id for s in summaries}
    untracked = sum(1 for p in people if p.track_id not in known)
    head.append(ctx.t("reports-people", count=len(people), untracked=untracked))
    blocks = ["\n".join(head)]
    chosen = [s for s in summaries if s.enrolled]
    if not chosen:
        blocks.append(ctx.t("reports-no-tracks"))
    blocks.extend(ctx.t("reports-track", track=_track_title(ctx, s.track_id),
                        enrolled=s.enrolled, started=s.started, completed=s.completed,
                        rate=_rate(ctx, s.completed, s.enrolled),
                        median=_duration(ctx, s.median_seconds)) for s in chosen)
    return "\n\n".join(blocks)


# -- /stats --------------------------------------------------------------------------------
async def _exchange(ctx: Ctx, command: str) -> Exchange | Outcome:
    """The exchange named in the arguments; without one, for /stats the one this person
    runs, else (and for /export) the newest."""
    handle = _handle(ctx.inbound.args)
    if handle is None:
        return _say(ctx.t(f"reports-{command}-usage"))
    if not handle:
        own = await _exchange_run_by(ctx) if command == "stats" else None
        newest = own or await reports.newest_exchange(ctx.session)
        return newest if newest is not None else _say(ctx.t("reports-no-exchange"))
    exchange = await exchanges.find_exchange(ctx.session, handle)
    if exchange is None:
        await record(ctx, command, "invalid", handle)
        return _say(ctx.t("exchange-unknown"))
    return exchange


async def _exchange_run_by(ctx: Ctx) -> Exchange | None:
    """The newest exchange this person created, or else their own cohort's."""
    made = await exchanges.newest_created_by(ctx.session, ctx.inbound.user_id)
    if made is not None or ctx.participant is None or ctx.participant.cohort_id is None:
        return made
    found = await exchanges.cohort_with_exchange(ctx.session, ctx.participant.cohort_id)
    return found[1] if found else None


@router.command("stats", role=COORDINATORS)
async def stats_command(ctx: Ctx) -> Outcome:
    exchange = await _exchange(ctx, "stats")
    if isinstance(exchange, Outcome):
        return exchange
    cohorts = await reports.cohort_ids(ctx.session, exchange.id)
    people = await reports.learners(ctx.session, cohorts)
    progress = await reports.attempts(ctx.session, cohorts)
    summaries = reports.track_summaries(people, progress, _tracks(ctx))
    compared, changes = reports.skill_changes(
        await reports.assessment_history(ctx.session, cohorts), CORE_SKILLS)
    members = await reports.members(ctx.session, exchange.id)  # every role, not only learners
    await record(ctx, "stats", "ok", exchange.slug)
    completed = sum(1 for a in progress if a.completed_at is not None)
    enrolled, finished = sum(s.enrolled for s in summaries), sum(s.completed for s in summaries)
    blocks = [
        ctx.t("reports-stats-title", exchange=exchange.name, handle=exchange.slug,
              start=format_date(ctx.lang, exchange.starts_on),
              end=format_date(ctx.lang, exchange.ends_on),
              count=len(members), learners=len(people),
              staff=len(members) - len(people)),
        ctx.t("reports-stats-training", started=len(progress), completed=completed,
              rate=_rate(ctx, completed, len(progress)), finished=finished, enrolled=enrolled,
              track_rate=_rate(ctx, finished, enrolled)),
        _skill_block(ctx, compared, changes),
        await _followup_block(ctx, exchange.id, cohorts),
    ]
    warning = await incident_routing.safety_warning(ctx.session, ctx.deps.translator, ctx.lang,
                                                    ctx.deps.admin_ids, exchange)
    if warning:
        blocks.insert(1, textwrap.fill(warning, PHONE_WIDTH))  # like the rest: a phone's width
    chart = await stats_chart.offer(ctx, exchange)  # a button with the PNG's size, or none
    return Outcome((Reply("\n\n".join(blocks), chart),))


async def _followup_block(ctx: Ctx, exchange_id: int, cohorts: Sequence[int]) -> str:
    """Safety incidents, action plans and check-in response rates."""
    incidents = await reports.incident_counts(ctx.session, exchange_id)
    plans = await reports.plan_counts(ctx.session, cohorts)
    lines = [ctx.t("reports-stats-incidents", count=incidents["all"], open=incidents["open"],
                   urgent=incidents.get("urgent", 0), high=incidents.get("high", 0)),
             ctx.t("reports-stats-action-plans", people=plans["people"], open=plans["open"],
                   done=plans["done"], dropped=plans["dropped"])]
    rounds = await reports.checkin_rounds(ctx.session, exchange_id)
    if not rounds:
        lines.append(ctx.t("reports-stats-checkins-none"))
    for offset, sent, answered, paused in rounds:
        lines.append(ctx.t("reports-stats-checkins", days=offset, answered=answered, sent=sent,
                           rate=_rate(ctx, answered, sent), paused=paused))
    return "\n".join(lines)


def _skill_block(ctx: Ctx, compared: int, changes: Sequence[reports.SkillChange]) -> str:
    if not compared:
        return ctx.t("reports-stats-skills-none")
    lines = [ctx.t("reports-stats-skills", people=compared)]
    lines.extend(ctx.t("reports-stats-skill", skill=ctx.t(f"assess-rate-{c.skill}-name"),
                       change=ctx.t("reports-none") if c.mean is None else f"{c.mean:+.2f}")
                 for c in changes)
    return "\n".join(lines)


# -- /export -------------------------------------------------------------------------------
def pseudonym(key: bytes, telegram_id: int) -> str:
    """Stable per person and key; without the key nobody can tie it back to a Telegram id."""
    digest = hmac.new(key, str(telegram_id).encode(), hashlib.sha256).hexdigest()
    return digest[:PSEUDONYM_LENGTH]


def _at(moment: datetime | None) -> str:
    return moment.isoformat(timespec="seconds") if moment else ""


def _free_text(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text


@router.command("export", role=COORDINATORS)
async def export_command(ctx: Ctx) -> Outcome:
    key = ctx.deps.pseudonym_key
    if not key:
        await record(ctx, "export", "invalid", "no pseudonym key")
        return _say(ctx.t("reports-export-needs-key"))
    exchange = await _exchange(ctx, "export")
    if isinstance(exchange, Outcome):
        return exchange
    files, counts = await _export_files(ctx, exchange, key)
    await record(ctx, "export", "ok", exchange.slug)
    log.info("export exchange=%s people=%d by=%s", exchange.id, counts["people"],
             ctx.inbound.user_id)
    caption = ctx.t("reports-export-caption", exchange=exchange.name, **counts)
    archive = zip_csv(files, ctx.now())
    name = f"{exchange.slug}-export-{ctx.now():%Y%m%d}.zip"
    return Outcome((Reply(caption, document=Document(name, archive, caption)),))


async def _export_files(ctx: Ctx, exchange: Exchange, key: bytes
                        ) -> tuple[dict[str, list[list[str]]], dict[str, int]]:
    """The CSV tables by file name, and how many people each consent let in."""
    people = await reports.members(ctx.session, exchange.id)
    decisions = await reports.consents(ctx.session, [p.id for p in people])
    alias = {p.id: pseudonym(key, p.telegram_id) for p in people}
    progress_ok = [p.id for p in people if decisions.get(p.id, {}).get("progress") is True]
    # A reflection is both progress and a story: shared only when both are allowed.
    stories_ok = [i for i in progress_ok if decisions[i].get("stories") is True]
    session = ctx.session
    files: dict[str, list[list[str]]] = {
        "participants.csv": [
            ["pseudonym", "cohort", "role", "language", "region", "track", "joined"],
            *([alias[p.id], p.cohort, p.role, p.language, p.region or "", p.track_id or "",
               p.joined_at.date().isoformat() if p.joined_at else ""] for p in people)],
        "progress.csv": [
            ["pseudonym", "module", "card", "started_at", "updated_at", "completed_at"],
            *([alias[r.participant_id], r.module_id, r.card_id, _at(r.started_at),
               _at(r.updated_at), _at(r.completed_at)]
              for r in await reports.progress_of(session, progress_ok))],
        "card_results.csv": [
            ["pseudonym", "module", "card", "step", "choice", "correct", "answered_at"],
            *([alias[r.participant_id], r.module_id, r.card_id, r.step_id, r.choice_id,
               "" if r.correct is None else str(int(r.correct)), _at(r.created_at)]
              for r in await reports.card_results_of(session, progress_ok))],
        "assessments.csv": _assessment_rows(
            alias, await reports.assessments_of(session, progress_ok)),
        "reflections.csv": [
            ["pseudonym", "module", "card", "written_at", "text"],
            *([alias[r.participant_id], r.module_id, r.card_id, _at(r.created_at),
               _free_text(r.text)] for r in await reports.reflections_of(session, stories_ok))],
    }
    counts = {"people": len(people), "progress": len(progress_ok),
              "reflections": len(stories_ok)}
    return files, counts


def _assessment_rows(alias: Mapping[int, str],
                     rows: Sequence[reports.Rated]) -> list[list[str]]:
    """Self-ratings only: the other answers and the note say more than the figures need."""
    table = [["pseudonym", "number", "taken_on", "recommended_track",
              *(f"rate_{skill}" for skill in CORE_SKILLS)]]
    number: Counter[int] = Counter()
    for row in rows:
        number[row.participant_id] += 1
        ratings = [row.answers.get(f"rate-{skill}") for skill in CORE_SKILLS]
        table.append([alias[row.participant_id], str(number[row.participant_id]),
                      row.created_at.date().isoformat(), row.recommended_track,
                      *("" if r is None else str(r) for r in ratings)])
    return table


def zip_csv(files: Mapping[str, list[list[str]]], when: datetime) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows in files.items():
            text = io.StringIO()
            csv.writer(text).writerows(rows)
            entry = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, text.getvalue().encode())
    return buffer.getvalue()

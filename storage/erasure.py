"""Erasure: what ``/forget`` removes, and what withdrawing a consent deletes at once.

Most of a person's rows hang off ``participants`` and go with it: the schema's foreign keys
either cascade (their progress, texts, consents, pairings, queued messages …) or, where the
row is someone else's record, set the link to NULL (a cohort they facilitated; an incident
they reported, which stays with the safety team as an anonymous report). What no foreign key
reaches is handled here: columns that hold their Telegram id, messages to their chat
without a participant id, other people's messages that carry a link to them or their words,
and received updates still holding what they sent.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from sqlalchemy import Table, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import outbox
from storage.mentorship import RELAY
from storage.models import (
    Assessment,
    AuditEntry,
    Base,
    CardResult,
    Checkin,
    CheckinAnswer,
    Commitment,
    Incident,
    ModuleProgress,
    OutboxMessage,
    Pairing,
    Participant,
    Reflection,
    SessionFeedback,
    Story,
    TelegramUpdate,
)
from storage.mydata import TELEGRAM_ID_COLUMNS
from storage.received_updates import DELIVERED

ERASED = 0  # stands in for a Telegram id in a column that cannot be NULL
ERASED_TARGET = "(erased)"
# Outbox rows about a pairing (handlers.mentor*): relayed words, the link shared, notices.
# Safety alerts about a pairing ("mtx") are not among them: see SAFETY_KEYS.
PAIRING_KEYS = (RELAY, "mtk", "mtv", "mts", "mte")
# Alerts to safety contacts outlive the reporter, as the report does: the link to the
# reporter is taken out and the alert kept (handlers.incident, handlers.mentor_safety).
SAFETY_KEYS = ("incident:", "mtx:")
# Messages the follow-up consent governs: prompts (handlers.broadcast) and the sweeps that
# check it (scheduler.nudges). Session reminders were asked for by signing up; mentoring
# relays and safety alerts are conversations, not follow-ups.
FOLLOWUP_KEYS = ("bc:", "plan-offer:", "checkin:", "checkin-reminder:", "deadline:", "module:")
CONSENT_WITHDRAWN = "consent withdrawn"
# How the check-in digest quotes a note (scheduler.nudges._digest).
DIGEST_NOTE = "– {note}"
DIGEST_NOTE_LENGTH = 200


def _count(result: Any) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


# -- consent withdrawal -----------------------------------------------------------------------
# Tables whose rows a consent alone allows (table → purpose): withdrawing it deletes them
# whole (``withdraw_progress``, ``withdraw_stories``), and /mydata says so beside each.
KEPT_UNDER_CONSENT = {
    **dict.fromkeys(("module_progress", "card_results", "reflections", "commitments",
                     "checkin_answers"), "progress"),
    "stories": "stories",
}


@dataclass(frozen=True)
class ProgressDeleted:
    modules: int
    card_answers: int
    reflections: int
    commitments: int
    checkin_answers: int
    notes: int


async def withdraw_progress(session: AsyncSession, participant_id: int) -> ProgressDeleted:
    """What only "store my progress" allowed: where they stand in each module, their quiz
    and scenario answers, reflections, commitments (their check-in answers go with them, and
    the messages that quote them), the notes of needs assessments and the free text of
    session feedback. The assessments' answers and self-ratings stay: they are the
    exchange's needs assessment, kept for everyone (and exported only under this consent).
    The participant's own pointers (current module, track) are the caller's to clear."""
    mine = Commitment.participant_id == participant_id
    ids = list(await session.scalars(select(Commitment.id).where(mine)))
    answers = await session.scalar(select(func.count()).select_from(CheckinAnswer)
                                   .where(CheckinAnswer.commitment_id.in_(ids)))
    for commitment_id in ids:
        # Deadline nudges quote the commitment: theirs, gone whatever their state. A call
        # for help quotes it too, to a facilitator: it still goes out if not sent yet.
        await session.execute(delete(OutboxMessage).where(
            OutboxMessage.key.startswith(f"deadline:{commitment_id}:")
            | (OutboxMessage.key.like(f"circle:%:{commitment_id}:%")
               & OutboxMessage.status.in_(outbox.FINAL))))
    # A reminder of an unfinished module would point at progress that is gone.
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.participant_id == participant_id,
               OutboxMessage.status.in_((outbox.PENDING, outbox.CLAIMED)),
               OutboxMessage.key.startswith("module:"))
        .values(status=outbox.FAILED, error=CONSENT_WITHDRAWN))
    commitments = await session.execute(delete(Commitment).where(mine))
    modules = await session.execute(
        delete(ModuleProgress).where(ModuleProgress.participant_id == participant_id))
    card_answers = await session.execute(
        delete(CardResult).where(CardResult.participant_id == participant_id))
    reflections = await session.execute(
        delete(Reflection).where(Reflection.participant_id == participant_id))
    notes = await session.execute(
        update(Assessment).where(Assessment.participant_id == participant_id,
                                 Assessment.note.is_not(None)).values(note=None))
    await session.execute(
        update(SessionFeedback).where(SessionFeedback.participant_id == participant_id,
                                      SessionFeedback.text.is_not(None)).values(text=None))
    return ProgressDeleted(_count(modules), _count(card_answers), _count(reflections),
                           _count(commitments), int(answers or 0), _count(notes))


async def withdraw_stories(session: AsyncSession, participant_id: int) -> int:
    """Their stories: shown to the cohort only under "share my stories"."""
    return _count(await session.execute(
        delete(Story).where(Story.participant_id == participant_id)))


async def withdraw_followup(session: AsyncSession, participant_id: int) -> int:
    """Follow-ups queued for them and not yet sent are given up (kept as ``failed``, so a
    prompt's counts stay whole; the sweeps skip them from now on)."""
    return _count(await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.participant_id == participant_id,
               OutboxMessage.status.in_((outbox.PENDING, outbox.CLAIMED)),
               or_(*(OutboxMessage.key.startswith(prefix) for prefix in FOLLOWUP_KEYS)))
        .values(status=outbox.FAILED, error=CONSENT_WITHDRAWN)))


# -- /forget ----------------------------------------------------------------------------------
async def forget(session: AsyncSession, participant: Participant | None, telegram_id: int, *,
                 keep_update: int | None = None) -> None:
    """Erase the person: every row that identifies them, in every table. ``keep_update``
    is the update being answered: its stored record is cleared once the answer is
    delivered, like every other."""
    if participant is not None:
        await _forget_pairing_messages(session, participant.id)
        await _forget_digest_notes(session, participant.id)
        await _anonymise_incidents(session, participant.id)
    await _forget_links_to(session, telegram_id)
    await session.execute(delete(OutboxMessage).where(OutboxMessage.chat_id == telegram_id))
    await _unlink_telegram_id(session, telegram_id)
    await _forget_updates(session, telegram_id, keep_update)
    if participant is not None:
        # The database does the rest: every foreign key to participants cascades or unlinks.
        await session.delete(participant)
        await session.flush()


async def _forget_pairing_messages(session: AsyncSession, participant_id: int) -> None:
    """A pairing goes with either person; so do the messages about it in the other
    person's outbox, their words among them."""
    pairings = list(await session.scalars(select(Pairing.id).where(
        or_(Pairing.mentor_id == participant_id, Pairing.mentee_id == participant_id))))
    if not pairings:
        return
    keys = [OutboxMessage.key.startswith(f"{kind}:{pairing}:")
            for kind in PAIRING_KEYS for pairing in pairings]
    keys += [OutboxMessage.key == f"mte:{pairing}" for pairing in pairings]
    await session.execute(delete(OutboxMessage).where(or_(*keys)))


async def _forget_digest_notes(session: AsyncSession, participant_id: int) -> None:
    """Check-in digests quote shared notes without a name; take theirs out of the digests
    of their rounds."""
    rows = await session.execute(
        select(Checkin.cohort_id, Checkin.offset_days, CheckinAnswer.note)
        .join(CheckinAnswer, CheckinAnswer.checkin_id == Checkin.id)
        .where(Checkin.participant_id == participant_id, Checkin.cohort_id.is_not(None),
               CheckinAnswer.note.is_not(None)))
    rounds: dict[tuple[int, int], set[str]] = {}
    for cohort_id, offset, note in rows:
        if cohort_id is None or note is None:  # excluded above; for the type checker
            continue
        rounds.setdefault((cohort_id, offset), set()).add(
            DIGEST_NOTE.format(note=note[:DIGEST_NOTE_LENGTH]))
    for (cohort_id, offset), lines in rounds.items():
        digests = await session.execute(
            select(OutboxMessage.id, OutboxMessage.text)
            .where(OutboxMessage.key.startswith(f"digest:{cohort_id}:{offset}:")))
        for row_id, text in digests:
            before = text.split("\n")
            kept = [line for line in before if line not in lines]
            if len(kept) != len(before):
                await session.execute(update(OutboxMessage).where(OutboxMessage.id == row_id)
                                      .values(text="\n".join(kept)))


async def _anonymise_incidents(session: AsyncSession, participant_id: int) -> None:
    """Their reports stay with the safety team, as if made anonymously: no reporter, and
    the day only (the moment could be matched to their activity)."""
    for report in await session.scalars(
            select(Incident).where(Incident.reporter_id == participant_id)):
        report.reporter_id = None
        report.created_at = datetime.combine(report.created_at.date(), time(),
                                             tzinfo=report.created_at.tzinfo)


async def _forget_links_to(session: AsyncSession, telegram_id: int) -> None:
    """Other people's messages with a link to this person's account (a shared contact, a
    request for help): safety alerts lose the link and stay; the others go. Only HTML
    messages can carry a link, and prompts to a whole cohort never carry one of a person."""
    link = re.compile(rf'<a href="tg://user\?id={telegram_id}">(.*?)</a>', re.DOTALL)
    rows = await session.execute(
        select(OutboxMessage.id, OutboxMessage.key, OutboxMessage.text)
        .where(OutboxMessage.html.is_(True), OutboxMessage.broadcast_id.is_(None)))
    for row_id, key, text in rows:
        if not link.search(text):
            continue
        if key.startswith(SAFETY_KEYS):
            await session.execute(update(OutboxMessage).where(OutboxMessage.id == row_id)
                                  .values(text=link.sub(r"\1", text)))
        else:
            await session.execute(delete(OutboxMessage).where(OutboxMessage.id == row_id))


async def _unlink_telegram_id(session: AsyncSession, telegram_id: int) -> None:
    """Who created an invite, sent a prompt, proposed a pairing …: the record stays, without
    them. (Their chat's outbox rows were deleted before this.)"""
    for name, columns in TELEGRAM_ID_COLUMNS.items():
        table: Table = Base.metadata.tables[name]
        for column_name in columns:
            column = table.c[column_name]
            await session.execute(update(table).where(column == telegram_id)
                                  .values({column: None if column.nullable else ERASED}))
    # Audit targets name people by Telegram id ("role 12345 facilitator").
    number = re.compile(rf"(?<!\d){telegram_id}(?!\d)")
    entries = await session.execute(select(AuditEntry.id, AuditEntry.target)
                                    .where(AuditEntry.target.contains(str(telegram_id))))
    for entry_id, target in entries:
        if number.search(target):
            await session.execute(update(AuditEntry).where(AuditEntry.id == entry_id)
                                  .values(target=number.sub(ERASED_TARGET, target)[:80]))


async def _forget_updates(session: AsyncSession, telegram_id: int,
                          keep_update: int | None) -> None:
    """Updates received or handled but not yet delivered hold what the person sent or is
    about to get; delivered ones hold nothing but their ids."""
    rows = await session.execute(
        select(TelegramUpdate.bot_id, TelegramUpdate.update_id, TelegramUpdate.payload,
               TelegramUpdate.outcome).where(TelegramUpdate.status != DELIVERED))
    for bot_id, update_id, payload, stored in rows:
        if update_id != keep_update and (_sent_by(payload, telegram_id)
                                         or _addressed_to(stored, telegram_id)):
            await session.execute(delete(TelegramUpdate).where(
                TelegramUpdate.bot_id == bot_id, TelegramUpdate.update_id == update_id))


def _parse(text: str | None) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def _people(value: Any) -> Iterable[Any]:
    """The ids of every user and chat a Telegram update names."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if key in ("from", "chat", "user") and isinstance(inner, dict):
                yield inner.get("id")
            yield from _people(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _people(inner)


def _sent_by(payload: str | None, telegram_id: int) -> bool:
    return telegram_id in set(_people(_parse(payload)))


def _addressed_to(stored: str | None, telegram_id: int) -> bool:
    """``bot.core.encode_delivery``: "to" is [update id, user id, chat id, message id]."""
    data = _parse(stored)
    to = data.get("to") if isinstance(data, dict) else None
    return isinstance(to, list) and telegram_id in to[1:3]

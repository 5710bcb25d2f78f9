"""Broadcast work that no one's message starts: releasing scheduled prompts when their time
comes, and the progress senders see while copies go out.

Each function works inside a transaction it is handed and never commits: the job that calls
it (:func:`scheduler.jobs.release_scheduled_broadcasts`, the dispatcher's
:func:`bot.outbox_dispatcher.report_broadcast_progress`) opens the transaction, commits it,
wakes the dispatcher, and makes the edits it is handed back."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.core import Rows
from bot.i18n import DEFAULT_LANGUAGE, Translator
from handlers.broadcast_audience import fan_out
from handlers.broadcast_status import resend_rows, status_text
from storage import broadcasts, outbox, participants

log = logging.getLogger(__name__)


async def release_due(session: AsyncSession, translator: Translator, now: datetime) -> int:
    """Scheduled prompts whose time has come: write their outbox rows (once: the broadcast
    leaves ``scheduled`` in the same transaction, and row keys are unique). Returns how many
    were released."""
    due = await broadcasts.due(session, now)
    for item in due:
        messages = await fan_out(session, translator, item, now)
        await outbox.enqueue(session, messages, now)
        item.status = broadcasts.QUEUED if messages else broadcasts.DONE
        log.info("broadcast_released id=%s recipients=%d", item.id, len(messages))
    return len(due)


@dataclass(frozen=True)
class StatusEdit:
    """A sender's status message, to be edited to show how far their broadcast has got."""

    chat_id: int
    message_id: int
    text: str
    buttons: Rows


@dataclass(frozen=True)
class ProgressReport:
    edits: list[StatusEdit]
    queued: int  # notices written to the outbox


async def progress(session: AsyncSession, translator: Translator, broadcast_ids: set[int],
                   now: datetime) -> ProgressReport:
    """The dispatcher's news for senders: each live status message's new text; a broadcast
    with nothing left in flight is done, and the sender of a scheduled prompt (which has no
    status message) is told so once, through the outbox."""
    edits: list[StatusEdit] = []
    notices = []
    for broadcast_id in sorted(broadcast_ids):
        item = await broadcasts.get(session, broadcast_id)
        if item is None:
            continue
        counts = await outbox.counts(session, broadcast_id)
        sender = await participants.get(session, item.sender_id)
        lang = sender.language if sender else DEFAULT_LANGUAGE
        text = status_text(translator, lang, item, counts)
        keyboard = resend_rows(translator, lang, item, counts)
        if outbox.in_flight(counts) == 0 and item.status == broadcasts.QUEUED:
            item.status = broadcasts.DONE
            if item.status_message_id is None:
                notices.append(outbox.NewMessage(
                    key=f"bcdone:{item.id}", chat_id=item.sender_id, text=text,
                    lane=outbox.PERSONAL, buttons=keyboard))
        if item.status_message_id is not None and item.sender_id:  # 0: forgotten
            edits.append(StatusEdit(item.sender_id, item.status_message_id, text, keyboard))
    return ProgressReport(edits, await outbox.enqueue(session, notices, now))

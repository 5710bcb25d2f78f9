"""How broadcasts stand, for their senders: the status message with its progress bar (which
the dispatcher edits as copies go out, :mod:`handlers.broadcast_jobs`), ``/broadcasts`` with
the answers so far, cancelling a scheduled one (asked first), and sending again to the
people whose copy's fate is unknown."""

from __future__ import annotations

import logging
from datetime import datetime

from bot.core import Button, Outcome, Reply, Rows
from bot.i18n import Translator, format_datetime
from handlers import buttons, roles
from handlers.broadcast_audience import segment_label
from handlers.context import Ctx, ForgedButton, StaleButton
from handlers.roles import STAFF, record, refuse
from handlers.router import Router
from storage import broadcasts, exchanges, outbox
from storage.models import Broadcast

log = logging.getLogger(__name__)

router = Router()


# -- the status message ------------------------------------------------------------------
def send_time(ctx: Ctx, moment: datetime) -> str:
    """When a broadcast goes out, as the sender writes dates, in their zone (named)."""
    return f"{format_datetime(ctx.lang, moment, ctx.zone)} ({ctx.zone_name})"


def _bar(done: int, total: int, width: int = 10) -> str:
    filled = round(width * done / total) if total else width
    return "▰" * filled + "▱" * (width - filled)


def status_text(translator: Translator, lang: str, item: Broadcast,
                counts: dict[str, int]) -> str:
    """The sender's status message: delivered so far of how many, with a bar, and who was
    left out (consent, blocked), refused or uncertain; ``counts`` are the outbox rows'."""
    sent, unreachable = counts.get(outbox.SENT, 0), counts.get(outbox.UNREACHABLE, 0)
    failed = counts.get(outbox.FAILED, 0)
    pending = outbox.in_flight(counts)
    settled = sum(counts.values()) - pending  # nothing is counted before its rows exist
    args = {"id": item.id, "sent": sent, "total": item.total, "bar": _bar(settled, item.total),
            "unreachable": unreachable, "failed": failed, "pending": pending,
            "consent": item.skipped_consent, "blocked": item.skipped_blocked}
    key = "bc-status-done" if pending == 0 and counts else "bc-status-sending"
    text = translator.format(lang, key, args)
    if item.html and counts.get(outbox.FAILED, 0):
        text += "\n" + translator.format(lang, "bc-status-format-refused")
    if counts.get(outbox.UNKNOWN, 0):
        text += "\n" + translator.format(lang, "bc-status-uncertain",
                                         {"uncertain": counts[outbox.UNKNOWN]})
    return text


def resend_rows(translator: Translator, lang: str, item: Broadcast,
                counts: dict[str, int]) -> Rows:
    """The one button that sends the broadcast again to just the people whose copy's fate
    is unknown; none while there are none."""
    uncertain = counts.get(outbox.UNKNOWN, 0)
    if not uncertain:
        return ()
    label = translator.format(lang, "bc-resend-uncertain", {"uncertain": uncertain})
    return ((buttons.button(label, "bcr", str(item.id)),),)


# -- /broadcasts -------------------------------------------------------------------------
@router.command("broadcasts", role=STAFF)
async def list_broadcasts(ctx: Ctx) -> Outcome:
    cohort_id = None if roles.is_coordinator(ctx) else ctx.me.cohort_id
    items = await broadcasts.latest(ctx.session, cohort_id)
    await record(ctx, "broadcasts", "ok")
    if not items:
        return Outcome((Reply(ctx.t("bc-list-empty")),))
    lines = [ctx.t("bc-list-title")]
    keyboard: list[tuple[Button, ...]] = []
    for item, cohort_slug in items:
        line, counts = await _line(ctx, item, cohort_slug)
        lines.append(line)
        keyboard.extend(resend_rows(ctx.deps.translator, ctx.lang, item, counts))
        if item.status == broadcasts.SCHEDULED:
            keyboard.append((buttons.button(ctx.t("bc-cancel-scheduled", id=item.id),
                                            "bcdel", str(item.id)),))
    return Outcome((Reply("\n\n".join(lines), tuple(keyboard)),))


async def _line(ctx: Ctx, item: Broadcast, cohort_slug: str) -> tuple[str, dict[str, int]]:
    head = f"#{item.id} · {cohort_slug} · {segment_label(ctx, item.segment)}"
    if item.status in (broadcasts.SCHEDULED, broadcasts.CANCELLED):
        return f"{head}\n" + ctx.t(f"bc-line-{item.status}",
                                   when=send_time(ctx, item.send_at)), {}
    counts = await outbox.counts(ctx.session, item.id)
    pending = outbox.in_flight(counts)
    line = f"{head}\n" + ctx.t(
        "bc-line", when=send_time(ctx, item.send_at), sent=counts.get(outbox.SENT, 0),
        total=item.total, pending=pending, unreachable=counts.get(outbox.UNREACHABLE, 0),
        failed=counts.get(outbox.FAILED, 0))
    if counts.get(outbox.UNKNOWN, 0):
        line += " · " + ctx.t("bc-line-uncertain", uncertain=counts[outbox.UNKNOWN])
    if item.options:
        tally = await broadcasts.answer_counts(ctx.session, item.id)
        line += "\n" + ctx.t("bc-line-answers", answers=" · ".join(
            f"{option} {tally.get(i, 0)}" for i, option in enumerate(item.options)))
    return line, counts


async def _pressed_broadcast(ctx: Ctx, broadcast_id: int, action: str) -> Broadcast | Outcome:
    """The broadcast a staff button names, or the refusal if it is not the presser's."""
    item = await broadcasts.get(ctx.session, broadcast_id)
    if item is None:
        raise ForgedButton
    if not roles.reaches(ctx, item.cohort_id):
        return await refuse(ctx, action, "not-your-cohort", f"#{item.id}")
    return item


async def _scheduled(ctx: Ctx, broadcast_id: int) -> Broadcast | Outcome:
    """The still scheduled broadcast a cancel button names (gone out, or cancelled by
    someone else meanwhile: stale)."""
    item = await _pressed_broadcast(ctx, broadcast_id, "cancel")
    if isinstance(item, Outcome):
        return item
    if item.status != broadcasts.SCHEDULED:
        raise StaleButton
    return item


@router.button("bcdel", args=(int,))
async def ask_cancel_scheduled(ctx: Ctx, broadcast_id: int) -> Outcome:
    """A tap on "Cancel #n" in a long list is easy to get wrong: ask first."""
    item = await _scheduled(ctx, broadcast_id)
    if isinstance(item, Outcome):
        return item
    cohort = await exchanges.get_cohort(ctx.session, item.cohort_id)
    ident = str(item.id)
    keyboard = ((buttons.button(ctx.t("bc-cancel-yes", id=item.id), "bcdy", ident),
                 buttons.button(ctx.t("bc-cancel-keep"), "bcdk", ident)),)
    return Outcome((Reply(ctx.t("bc-cancel-ask", id=item.id, when=send_time(ctx, item.send_at),
                                cohort=cohort.name if cohort else "-",
                                segment=segment_label(ctx, item.segment)), keyboard),))


@router.button("bcdy", args=(int,))
async def cancel_scheduled(ctx: Ctx, broadcast_id: int) -> Outcome:
    item = await _scheduled(ctx, broadcast_id)
    if isinstance(item, Outcome):
        return item
    item.status = broadcasts.CANCELLED
    await record(ctx, "cancel", "ok", f"#{item.id}")
    done = ctx.t("bc-cancelled-scheduled", id=item.id)
    return Outcome((Reply(done, edit=True),), toast=done)


@router.button("bcdk", args=(int,))
async def keep_scheduled(ctx: Ctx, broadcast_id: int) -> Outcome:
    item = await _scheduled(ctx, broadcast_id)
    if isinstance(item, Outcome):
        return item
    return Outcome((Reply(ctx.t("bc-cancel-kept", id=item.id, when=send_time(ctx, item.send_at)),
                          edit=True),))


@router.button("bcr", public=True, args=(int,))
async def resend_uncertain(ctx: Ctx, broadcast_id: int) -> Outcome:
    """Send a broadcast again to just the people whose copy's fate is unknown, each copy
    marked as a possible repeat. A second press finds nobody uncertain left."""
    item = await _pressed_broadcast(ctx, broadcast_id, "resend")
    if isinstance(item, Outcome):
        return item
    added = await outbox.resend_unknown(ctx.session, item.id, ctx.now())
    if not added:
        return Outcome(toast=ctx.t("bc-resend-none", id=item.id))
    ctx.queued = True
    if item.status == broadcasts.DONE:  # its status message follows the new copies again
        item.status = broadcasts.QUEUED
    await record(ctx, "resend", "ok", f"#{item.id} {added}")
    log.info("broadcast_resent id=%s recipients=%d", item.id, added)
    return Outcome((Reply(ctx.t("bc-resent", id=item.id, count=added)),))

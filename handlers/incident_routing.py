"""Who hears an incident report, and when: the first circle with someone reachable at once
(safety contacts → coordinators → every administrator, ``storage.incidents``), the next circle
when nobody acknowledged it within ``INCIDENT_ESCALATE_MINUTES``, once per circle, audited.
A report nobody could be told of is delivered the moment someone becomes reachable.

Alerts go in the urgent lane of the outbox: ahead of bulk, delivered at least once."""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Translator
from handlers import buttons
from handlers.context import Deps
from storage import audit, incidents, outbox
from storage.models import Exchange, Incident, Participant

log = logging.getLogger(__name__)

SYSTEM_ACTOR = 0  # the audit log's actor for what the bot does by itself


@dataclass(frozen=True)
class Escalation:
    """Why a report comes to a wider circle: nobody acknowledged it in time, or nobody of the
    circle before could be reached at all."""

    reason: str  # message id
    minutes: int


@dataclass(frozen=True)
class Routed:
    circle: int | None  # None: nobody reachable
    told: int


def notice(translator: Translator, report: Incident, contact: Participant,
           reporter_chat: int | None, *, escalation: Escalation | None = None
           ) -> outbox.NewMessage:
    """The alert one contact gets, in their language, with acknowledge / handled buttons.
    A named report links to the reporter's chat; an anonymous one holds nothing of them."""
    lang = contact.language

    def t(message: str, args: dict[str, object] | None = None) -> str:
        return translator.format(lang, message, args)

    who = t("incident-by-anonymous") if reporter_chat is None else (
        f'<a href="tg://user?id={reporter_chat}">' + html.escape(t("incident-by-named"))
        + "</a>")
    text = t("incident-notice", {
        "id": report.id, "severity": html.escape(t(f"incident-severity-{report.severity}")),
        "when": html.escape(t(f"incident-when-{report.happened}")),
        "where": html.escape(report.place or "-"), "what": html.escape(report.what),
        "who": who})
    if escalation is not None:
        text = html.escape(t(escalation.reason, {"minutes": escalation.minutes})) + "\n\n" + text
    keyboard = (buttons.button(t("incident-ack"), "inc", str(report.id), "a"),
                buttons.button(t("incident-handled"), "inc", str(report.id), "h"))
    return outbox.NewMessage(key=f"incident:{report.id}:{contact.id}",
                             chat_id=contact.telegram_id, participant_id=contact.id, text=text,
                             html=True, buttons=(keyboard,), lane=outbox.URGENT,
                             exchange_id=report.exchange_id)


async def route(session: AsyncSession, deps: Deps, report: Incident,
                reporter_chat: int | None, now: datetime, *,
                escalation: Escalation | None = None) -> Routed:
    """Tell the next circle that has someone new (the first one for a new report); records
    how far the report has gone. Returns the circle reached and how many were told."""
    found = await incidents.next_circle(session, report.exchange_id, report.circle,
                                        deps.admin_ids)
    if found is None:
        return Routed(report.circle, 0)
    level, people = found
    escalating = report.circle is not None
    await outbox.enqueue(session, [
        notice(deps.translator, report, person, reporter_chat,
               escalation=escalation if escalating else None) for person in people],
        now)
    report.circle, report.routed_at = level, now
    action = "incident-escalate" if escalating else "incident-route"
    await audit.record(session, SYSTEM_ACTOR, action, target=f"#{report.id} circle {level}",
                       outcome="ok", now=now)
    log.info("incident_routed id=%s circle=%s told=%d", report.id, level, len(people))
    return Routed(level, len(people))


async def reporter_chat(session: AsyncSession, report: Incident) -> int | None:
    """The named reporter's chat, for the alert's link; None for an anonymous report."""
    person = await incidents.reporter(session, report)
    return person.telegram_id if person is not None else None


def to_reporter(translator: Translator, reporter: Participant, report: Incident,
                message: str, **args: object) -> outbox.NewMessage:
    """A notice to a named reporter about their report (acknowledged, handled, delivered)."""
    return outbox.NewMessage(
        key=f"incident-{message.rsplit('-', 1)[-1]}:{report.id}", chat_id=reporter.telegram_id,
        participant_id=reporter.id, lane=outbox.PERSONAL, exchange_id=report.exchange_id,
        text=translator.format(reporter.language, message, {"id": report.id, **args}))


async def deliver_waiting(session: AsyncSession, deps: Deps, now: datetime) -> int:
    """Reports nobody could be told of go out now to whoever has become reachable; a named
    reporter hears that theirs has arrived. Returns how many reports went out."""
    sent = 0
    for report in await incidents.unrouted(session):
        person = await incidents.reporter(session, report)
        routed = await route(session, deps, report, person.telegram_id if person else None, now)
        if routed.told:
            sent += 1
            if person is not None:
                await outbox.enqueue(session, [to_reporter(
                    deps.translator, person, report, "incident-reporter-delivered",
                    count=routed.told)], now)
    return sent


async def escalate_due(session: AsyncSession, deps: Deps, now: datetime, minutes: int) -> int:
    """Open reports go one circle wider: those nobody acknowledged in ``minutes``, and at
    once those whose every alert failed (the contacts blocked the bot). Returns how many."""
    due = {r.id: (r, "incident-escalated")
           for r in await incidents.due_escalation(session, now - timedelta(minutes=minutes))}
    for report in await incidents.unreached(session):
        due.setdefault(report.id, (report, "incident-escalated-unreached"))
    escalated = 0
    for report, reason in due.values():
        chat = await reporter_chat(session, report)
        routed = await route(session, deps, report, chat, now,
                             escalation=Escalation(reason, minutes))
        if routed.told:
            escalated += 1
        else:
            # Every circle has heard of it: nothing wider to try, stop looking at it.
            report.circle = incidents.CIRCLES[-1]
    return escalated


def emergency_text(translator: Translator, lang: str, exchange: Exchange | None) -> str:
    if exchange is not None and exchange.emergency_text:
        return exchange.emergency_text
    return translator.format(lang, "incident-emergency-default")


async def safety_warning(session: AsyncSession, translator: Translator, lang: str,
                         admin_ids: frozenset[int], exchange: Exchange) -> str | None:
    """The warning staff see while an exchange has no reachable safety contact, saying
    where its reports go instead; None when it has one."""
    if await incidents.circle(session, exchange.id, incidents.SAFETY_CIRCLE, admin_ids):
        return None
    fallback = "nobody"
    for level, name in ((incidents.COORDINATOR_CIRCLE, "coordinators"),
                        (incidents.ADMIN_CIRCLE, "admins")):
        if await incidents.circle(session, exchange.id, level, admin_ids):
            fallback = name
            break
    return translator.format(lang, "safety-warning-none", {
        "exchange": exchange.name,
        "fallback": translator.format(lang, f"safety-fallback-{fallback}")})


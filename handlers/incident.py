"""``/incident``: report a safety incident to the exchange's safety contacts, anonymously if the
person wishes (then nothing in the database links the report to them, and its time is kept to
the day). Safety contacts acknowledge and close reports with buttons; ``/incidents`` lists the
open ones.

Reporting needs no storage consent: sending the report is the purpose it is kept for. The text
is encrypted at rest like everything people write."""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from datetime import datetime, time

from sqlalchemy import select

from bot.core import Outcome, Reply, in_place
from handlers import buttons, roles
from handlers.context import Ctx, ForgedButton, StaleButton
from handlers.menu import MENU_STEP
from handlers.router import Router
from storage import outbox
from storage.models import Cohort, Exchange, Incident, Participant

log = logging.getLogger(__name__)

WHAT_STEP, WHEN_STEP, WHERE_STEP = "in:what", "in:when", "in:where"
SEVERITY_STEP, WHO_STEP, CONFIRM_STEP = "in:severity", "in:who", "in:confirm"
DRAFT = "in"  # where the half-done conversation waits, in the step data
WHEN = ("today", "yesterday", "week", "earlier")
SEVERITY = ("low", "medium", "high", "urgent")
MAX_WHAT, MAX_WHERE = 2000, 100

router = Router()


def _cancel_row(ctx: Ctx) -> tuple[buttons.Button, ...]:
    return (buttons.button(ctx.t("incident-cancel"), "inx"),)


@router.command("incident")
async def incident(ctx: Ctx) -> Outcome:
    if ctx.me.onboarded_at is None:
        return Outcome((Reply(ctx.t("menu-finish-setup")), *await ctx.current_prompt()))
    ctx.keep_draft(DRAFT, {})
    ctx.go(WHAT_STEP)
    return Outcome(tuple(await ctx.current_prompt()))


@router.prompt(WHAT_STEP)
async def what_prompt(ctx: Ctx) -> Sequence[Reply]:
    return [Reply(ctx.t("incident-intro") + "\n\n" + ctx.t("incident-ask-what", max=MAX_WHAT),
                  (_cancel_row(ctx),))]


@router.text(WHAT_STEP, max_length=4096)
async def take_what(ctx: Ctx) -> Outcome:
    what = ctx.inbound.text.strip()
    if not 10 <= len(what) <= MAX_WHAT:
        return Outcome((Reply(ctx.t("incident-what-bad", length=len(what), max=MAX_WHAT)),))
    return await _next(ctx, "what", what, WHEN_STEP)


async def _next(ctx: Ctx, field: str, value: object, step: str, *,
                edit: bool = False) -> Outcome:
    draft = ctx.draft(DRAFT)
    draft[field] = value
    ctx.keep_draft(DRAFT, draft)
    ctx.go(step)
    replies = await ctx.current_prompt()
    return Outcome(in_place(replies, edit=edit))


@router.prompt(WHEN_STEP)
async def when_prompt(ctx: Ctx) -> Sequence[Reply]:
    choices = [buttons.button(ctx.t(f"incident-when-{w}"), "inw", w) for w in WHEN]
    return [Reply(ctx.t("incident-ask-when"), (*buttons.rows(choices), _cancel_row(ctx)))]


def _pick(ctx: Ctx, args: list[str], allowed: Sequence[str], at: str) -> str:
    """The one choice a question's button carries, checked: known, and still asked."""
    if len(args) != 1 or args[0] not in allowed:
        raise ForgedButton
    if ctx.me.step != at:
        raise StaleButton
    return args[0]


@router.button("inw")
async def pick_when(ctx: Ctx, args: list[str]) -> Outcome:
    when = _pick(ctx, args, WHEN, WHEN_STEP)
    return await _next(ctx, "when", when, WHERE_STEP, edit=True)


@router.prompt(WHERE_STEP)
async def where_prompt(ctx: Ctx) -> Sequence[Reply]:
    return [Reply(ctx.t("incident-ask-where", max=MAX_WHERE),
                  ((buttons.button(ctx.t("incident-skip"), "inp"),), _cancel_row(ctx)))]


@router.text(WHERE_STEP, max_length=MAX_WHERE)
async def take_where(ctx: Ctx) -> Outcome:
    return await _next(ctx, "where", " ".join(ctx.inbound.text.split()), SEVERITY_STEP)


@router.button("inp")
async def skip_where(ctx: Ctx, args: list[str]) -> Outcome:
    if args:
        raise ForgedButton
    if ctx.me.step != WHERE_STEP:
        raise StaleButton
    return await _next(ctx, "where", "", SEVERITY_STEP, edit=True)


@router.prompt(SEVERITY_STEP)
async def severity_prompt(ctx: Ctx) -> Sequence[Reply]:
    choices = [buttons.button(ctx.t(f"incident-severity-{s}"), "ins", s) for s in SEVERITY]
    return [Reply(ctx.t("incident-ask-severity"), (*buttons.rows(choices), _cancel_row(ctx)))]


@router.button("ins")
async def pick_severity(ctx: Ctx, args: list[str]) -> Outcome:
    severity = _pick(ctx, args, SEVERITY, SEVERITY_STEP)
    return await _next(ctx, "severity", severity, WHO_STEP, edit=True)


@router.prompt(WHO_STEP)
async def who_prompt(ctx: Ctx) -> Sequence[Reply]:
    keyboard = ((buttons.button(ctx.t("incident-named"), "ina", "n"),),
                (buttons.button(ctx.t("incident-anonymous"), "ina", "y"),), _cancel_row(ctx))
    return [Reply(ctx.t("incident-ask-who"), keyboard)]


@router.button("ina")
async def pick_who(ctx: Ctx, args: list[str]) -> Outcome:
    anonymous = _pick(ctx, args, ("y", "n"), WHO_STEP) == "y"
    return await _next(ctx, "anonymous", anonymous, CONFIRM_STEP, edit=True)


@router.prompt(CONFIRM_STEP)
async def confirm_prompt(ctx: Ctx) -> Sequence[Reply]:
    draft = ctx.draft(DRAFT)
    text = ctx.t("incident-check", what=str(draft.get("what", "")),
                 when=ctx.t(f"incident-when-{draft.get('when', 'today')}"),
                 where=str(draft.get("where") or "-"),
                 severity=ctx.t(f"incident-severity-{draft.get('severity', 'low')}"),
                 who=ctx.t("incident-anonymous" if draft.get("anonymous")
                           else "incident-named"))
    keyboard = ((buttons.button(ctx.t("incident-send"), "ing"),), _cancel_row(ctx))
    return [Reply(text, keyboard)]


@router.button("inx")
async def cancel(ctx: Ctx, args: list[str]) -> Outcome:
    if args:
        raise ForgedButton
    if not ctx.me.step.startswith("in:"):
        raise StaleButton
    ctx.keep_draft(DRAFT, None)
    ctx.go(MENU_STEP)
    return Outcome((Reply(ctx.t("incident-cancelled"), edit=True),))


@router.button("ing")
async def send(ctx: Ctx, args: list[str]) -> Outcome:
    if args:
        raise ForgedButton
    if ctx.me.step != CONFIRM_STEP:
        raise StaleButton  # a second tap: the report has gone already
    draft = ctx.draft(DRAFT)
    anonymous = bool(draft.get("anonymous"))
    now = ctx.now()
    exchange_id = await ctx.session.scalar(
        select(Cohort.exchange_id).where(Cohort.id == ctx.me.cohort_id)) \
        if ctx.me.cohort_id else None
    report = Incident(
        exchange_id=exchange_id, reporter_id=None if anonymous else ctx.me.id,
        what=str(draft.get("what", "")), happened=str(draft.get("when", "today")),
        place=str(draft.get("where") or "") or None, severity=str(draft.get("severity", "low")),
        status="open",
        # Anonymous: the day only, so the time cannot be matched to the reporter's activity.
        created_at=datetime.combine(now.date(), time(), tzinfo=now.tzinfo) if anonymous
        else now)
    ctx.session.add(report)
    await ctx.session.flush()
    ctx.keep_draft(DRAFT, None)
    ctx.go(MENU_STEP)
    contacts = await safety_contacts(ctx, exchange_id)
    await ctx.enqueue([_notice(ctx, report, contact, anonymous) for contact in contacts])
    log.info("incident_reported id=%s contacts=%d", report.id, len(contacts))
    return Outcome((Reply(ctx.t("incident-sent", id=report.id, count=len(contacts)),
                          edit=True),))


async def safety_contacts(ctx: Ctx, exchange_id: int | None) -> list[Participant]:
    """The exchange's safety contacts (and those of no cohort, who serve every exchange);
    with none, its coordinators, so a report never goes nowhere."""
    cohorts = select(Cohort.id).where(Cohort.exchange_id == exchange_id)
    for role in (roles.SAFETY, roles.COORDINATOR):
        found = list(await ctx.session.scalars(
            select(Participant).where(Participant.role == role,
                                      Participant.blocked_at.is_(None),
                                      Participant.cohort_id.is_(None)
                                      | Participant.cohort_id.in_(cohorts))
            .order_by(Participant.id)))
        if found:
            return found
    return list(await ctx.session.scalars(
        select(Participant).where(Participant.telegram_id.in_(ctx.deps.admin_ids))))


def _notice(ctx: Ctx, report: Incident, contact: Participant,
            anonymous: bool) -> outbox.NewMessage:
    t = ctx.deps.translator
    lang = contact.language
    who = t.format(lang, "incident-by-anonymous") if anonymous else (
        f'<a href="tg://user?id={ctx.inbound.user_id}">'
        + html.escape(t.format(lang, "incident-by-named")) + "</a>")
    text = t.format(lang, "incident-notice", {
        "id": report.id, "severity": html.escape(t.format(lang,
                                                          f"incident-severity-{report.severity}")),
        "when": html.escape(t.format(lang, f"incident-when-{report.happened}")),
        "where": html.escape(report.place or "-"), "what": html.escape(report.what),
        "who": who})
    keyboard = ((t.format(lang, "incident-ack"), buttons.data("inc", str(report.id), "a")),
                (t.format(lang, "incident-handled"), buttons.data("inc", str(report.id), "h")))
    return outbox.NewMessage(key=f"incident:{report.id}:{contact.id}",
                             chat_id=contact.telegram_id, participant_id=contact.id, text=text,
                             html=True, buttons=(keyboard,))


@router.button("inc")
async def act_on(ctx: Ctx, args: list[str]) -> Outcome:
    """A safety contact acknowledges a report, or marks it handled."""
    if len(args) != 2 or not args[0].isdigit() or len(args[0]) > 9 or args[1] not in "ah":
        raise ForgedButton
    report = await ctx.session.get(Incident, int(args[0]))
    if report is None:
        raise ForgedButton
    if ctx.me.id not in {c.id for c in await safety_contacts(ctx, report.exchange_id)} \
            and not roles.is_coordinator(ctx):
        return await roles.refuse(ctx, "incident", "staff-only", f"#{report.id}")
    now = ctx.now()
    if args[1] == "a" and report.status == "open":
        report.status, report.acknowledged_at = "acknowledged", now
    elif args[1] == "h" and report.status != "handled":
        report.status, report.handled_at = "handled", now
        report.acknowledged_at = report.acknowledged_at or now
    await roles.record(ctx, "incident", "ok", f"#{report.id} {report.status}")
    return Outcome(toast=ctx.t("incident-status", id=report.id,
                               status=ctx.t(f"incident-status-{report.status}")))


@router.command("incidents", public=True)
async def list_open(ctx: Ctx) -> Outcome:
    if ctx.participant is None or (ctx.me.role != roles.SAFETY and not roles.is_coordinator(ctx)):
        return await roles.refuse(ctx, "incidents", "staff-only")
    exchange_ids = None
    if ctx.me.role == roles.SAFETY and ctx.me.cohort_id is not None:
        exchange_ids = [await ctx.session.scalar(select(Cohort.exchange_id).where(
            Cohort.id == ctx.me.cohort_id))]
    query = select(Incident, Exchange.slug).outerjoin(
        Exchange, Exchange.id == Incident.exchange_id).where(
        Incident.status != "handled").order_by(Incident.id.desc()).limit(15)
    if exchange_ids is not None:
        query = query.where(Incident.exchange_id.in_(exchange_ids))
    rows = (await ctx.session.execute(query)).all()
    await roles.record(ctx, "incidents", "ok")
    if not rows:
        return Outcome((Reply(ctx.t("incidents-none")),))
    lines = [ctx.t("incidents-title")] + [
        f"#{r.id} · {slug or '-'} · {ctx.t(f'incident-severity-{r.severity}')} · "
        f"{ctx.t(f'incident-status-{r.status}')} · {r.created_at:%Y-%m-%d}" for r, slug in rows]
    return Outcome((Reply("\n".join(lines)),))

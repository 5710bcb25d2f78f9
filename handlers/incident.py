"""``/incident``: report a safety incident, anonymously if the person wishes (then nothing in
the database links the report to them, and its time is kept to the day). Who hears it is
``handlers.incident_routing``; the safety desk (``/incidents``) is ``handlers.incident_desk``.

Reporting needs no storage consent: sending the report is the purpose it is kept for. The text
is encrypted at rest like everything people write."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from bot.core import Outcome, Reply, in_place
from handlers import buttons, incident_routing
from handlers.context import Ctx
from handlers.drafts import Draft, Slot
from handlers.guards import Choice, onboarded, step_prefix
from handlers.menu import MENU_STEP
from handlers.router import Router
from storage import incidents

log = logging.getLogger(__name__)

WHAT_STEP, WHEN_STEP, WHERE_STEP = "in:what", "in:when", "in:where"
SEVERITY_STEP, WHO_STEP, CONFIRM_STEP = "in:severity", "in:who", "in:confirm"
WHEN = ("today", "yesterday", "week", "earlier")
SEVERITY = ("low", "medium", "high", "urgent")
MAX_WHAT, MAX_WHERE = 2000, 100

router = Router()


class IncidentDraft(Draft):
    """The report being written, one answer per question so far."""

    what: str | None = None
    when: str | None = None
    where: str | None = None  # "" when skipped
    severity: str | None = None
    anonymous: bool | None = None


DRAFT = Slot("in", IncidentDraft)


def _draft(ctx: Ctx) -> IncidentDraft:
    return DRAFT.load(ctx) or IncidentDraft()


def _cancel_row(ctx: Ctx) -> tuple[buttons.Button, ...]:
    return (buttons.button(ctx.t("incident-cancel"), "inx"),)


@router.command("incident", step=onboarded)
async def incident(ctx: Ctx) -> Outcome:
    DRAFT.drop(ctx)
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
    draft = _draft(ctx)
    draft.what = what
    return await _next(ctx, draft, WHEN_STEP)


async def _next(ctx: Ctx, draft: IncidentDraft, step: str, *, edit: bool = False) -> Outcome:
    DRAFT.save(ctx, draft)
    ctx.go(step)
    replies = await ctx.current_prompt()
    return Outcome(in_place(replies, edit=edit))


@router.prompt(WHEN_STEP)
async def when_prompt(ctx: Ctx) -> Sequence[Reply]:
    choices = [buttons.button(ctx.t(f"incident-when-{w}"), "inw", w) for w in WHEN]
    return [Reply(ctx.t("incident-ask-when"), (*buttons.rows(choices), _cancel_row(ctx)))]


@router.button("inw", step=WHEN_STEP, args=(Choice(*WHEN),))
async def pick_when(ctx: Ctx, when: str) -> Outcome:
    draft = _draft(ctx)
    draft.when = when
    return await _next(ctx, draft, WHERE_STEP, edit=True)


@router.prompt(WHERE_STEP)
async def where_prompt(ctx: Ctx) -> Sequence[Reply]:
    return [Reply(ctx.t("incident-ask-where", max=MAX_WHERE),
                  ((buttons.button(ctx.t("incident-skip"), "inp"),), _cancel_row(ctx)))]


@router.text(WHERE_STEP, max_length=MAX_WHERE)
async def take_where(ctx: Ctx) -> Outcome:
    draft = _draft(ctx)
    draft.where = " ".join(ctx.inbound.text.split())
    return await _next(ctx, draft, SEVERITY_STEP)


@router.button("inp", step=WHERE_STEP, args=())
async def skip_where(ctx: Ctx) -> Outcome:
    draft = _draft(ctx)
    draft.where = ""
    return await _next(ctx, draft, SEVERITY_STEP, edit=True)


@router.prompt(SEVERITY_STEP)
async def severity_prompt(ctx: Ctx) -> Sequence[Reply]:
    choices = [buttons.button(ctx.t(f"incident-severity-{s}"), "ins", s) for s in SEVERITY]
    return [Reply(ctx.t("incident-ask-severity"), (*buttons.rows(choices), _cancel_row(ctx)))]


@router.button("ins", step=SEVERITY_STEP, args=(Choice(*SEVERITY),))
async def pick_severity(ctx: Ctx, severity: str) -> Outcome:
    draft = _draft(ctx)
    draft.severity = severity
    return await _next(ctx, draft, WHO_STEP, edit=True)


@router.prompt(WHO_STEP)
async def who_prompt(ctx: Ctx) -> Sequence[Reply]:
    keyboard = ((buttons.button(ctx.t("incident-named"), "ina", "n"),),
                (buttons.button(ctx.t("incident-anonymous"), "ina", "y"),), _cancel_row(ctx))
    return [Reply(ctx.t("incident-ask-who"), keyboard)]


@router.button("ina", step=WHO_STEP, args=(Choice("y", "n"),))
async def pick_who(ctx: Ctx, anonymous: str) -> Outcome:
    draft = _draft(ctx)
    draft.anonymous = anonymous == "y"
    return await _next(ctx, draft, CONFIRM_STEP, edit=True)


@router.prompt(CONFIRM_STEP)
async def confirm_prompt(ctx: Ctx) -> Sequence[Reply]:
    draft = _draft(ctx)
    text = ctx.t("incident-check", what=draft.what or "",
                 when=ctx.t(f"incident-when-{draft.when or 'today'}"),
                 where=draft.where or "-",
                 severity=ctx.t(f"incident-severity-{draft.severity or 'low'}"),
                 who=ctx.t("incident-anonymous" if draft.anonymous else "incident-named"))
    keyboard = ((buttons.button(ctx.t("incident-send"), "ing"),), _cancel_row(ctx))
    return [Reply(text, keyboard)]


@router.button("inx", step=step_prefix("in:"), args=())
async def cancel(ctx: Ctx) -> Outcome:
    DRAFT.drop(ctx)
    ctx.go(MENU_STEP)
    return Outcome((Reply(ctx.t("incident-cancelled"), edit=True),))


@router.button("ing", step=CONFIRM_STEP, args=())  # a second tap: the report has gone
async def send(ctx: Ctx) -> Outcome:
    draft = _draft(ctx)
    anonymous = bool(draft.anonymous)
    now = ctx.now()
    exchange = await incidents.exchange_of(ctx.session, ctx.me.cohort_id)
    # Anonymous: no reporter, and the day only (see incidents.file_report).
    report = await incidents.file_report(
        ctx.session, exchange_id=exchange.id if exchange else None,
        reporter_id=None if anonymous else ctx.me.id,
        what=draft.what or "", happened=draft.when or "today", place=draft.where or None,
        severity=draft.severity or "low", now=now)
    DRAFT.drop(ctx)
    ctx.go(MENU_STEP)
    routed = await incident_routing.route(
        ctx.session, ctx.deps, report, None if anonymous else ctx.inbound.user_id, now)
    ctx.queued = ctx.queued or routed.told > 0
    log.info("incident_reported id=%s circle=%s told=%d", report.id, routed.circle,
             routed.told)
    emergency = incident_routing.emergency_text(ctx.deps.translator, ctx.lang, exchange)
    if not routed.told:
        # Never silent: say plainly that nobody has it yet, and what to do meanwhile.
        return Outcome((Reply(ctx.t("incident-sent-nobody", id=report.id,
                                    emergency=emergency), edit=True),))
    text = ctx.t("incident-sent", id=report.id, count=routed.told)
    if report.severity == "urgent":
        text += "\n\n" + ctx.t("incident-urgent-note", emergency=emergency)
    return Outcome((Reply(text, edit=True),))

"""The safety desk: ``/incidents`` lists reports, open ones first; each opens with its
details (decrypted only for those allowed to act on it), acknowledge / handled buttons and a
short private note. A named reporter is told when their report is acknowledged and handled;
an anonymous one has nobody to tell."""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence

from bot.core import Button, Outcome, Reply
from bot.i18n import format_date, format_datetime
from handlers import buttons, incident_routing, roles
from handlers.context import Ctx, ForgedButton
from handlers.drafts import Draft, Slot
from handlers.guards import Choice, Maybe
from handlers.menu import MENU_STEP
from handlers.roles import SAFETY_DESK
from handlers.router import Router
from storage import exchanges, incidents
from storage.models import Incident

log = logging.getLogger(__name__)

NOTE_STEP = "in:note"
MAX_NOTE = 300

router = Router()


class NoteDraft(Draft):
    id: int  # the report a note is being written for


NOTE_DRAFT = Slot("innote", NoteDraft)


async def _desk_exchanges(ctx: Ctx) -> list[int] | None:
    """The exchanges whose reports this person works on (None: all); raises LookupError for
    someone who is not on any safety desk (the routes' role keeps them out before)."""
    if not roles.on_safety_desk(ctx):
        raise LookupError
    if roles.is_coordinator(ctx) or ctx.me.cohort_id is None:
        return None  # a safety contact of no cohort serves every exchange
    found = await exchanges.cohort_with_exchange(ctx.session, ctx.me.cohort_id)
    return [found[1].id] if found else []


async def _report(ctx: Ctx, report_id: int) -> Incident | Outcome:
    """The report a button names, or the refusal for someone who may not act on it (not on
    a safety desk, or on one that does not serve its exchange)."""
    report = await incidents.get(ctx.session, report_id)
    if report is None:
        raise ForgedButton
    if not await _allowed(ctx, report):
        return await roles.refuse(ctx, "incident", "staff-only", f"#{report.id}")
    return report


async def _allowed(ctx: Ctx, report: Incident) -> bool:
    try:
        scope = await _desk_exchanges(ctx)
    except LookupError:
        return False
    return scope is None or report.exchange_id in scope


@router.command("incidents", role=SAFETY_DESK)
async def open_desk(ctx: Ctx) -> Outcome:
    scope = await _desk_exchanges(ctx)
    await roles.record(ctx, "incidents", "ok")
    return Outcome((await _listing(ctx, scope, edit=False),))


def _day(ctx: Ctx, report: Incident) -> str:
    """The day of a report, for its button. An anonymous one keeps only its day (midnight
    UTC): read in another zone, that could turn into the day before."""
    zone = ctx.zone if report.reporter_id is not None else None
    return format_date(ctx.lang, report.created_at, zone=zone, year=False)


async def _listing(ctx: Ctx, scope: list[int] | None, *, edit: bool) -> Reply:
    found = await incidents.desk(ctx.session, scope)
    if not found:
        return Reply(ctx.t("incidents-none"), edit=edit)
    rows = tuple((buttons.button(ctx.t(
        "incident-row", id=report.id, severity=ctx.t(f"incident-severity-{report.severity}"),
        status=ctx.t(f"incident-status-{report.status}"), exchange=slug or "-",
        date=_day(ctx, report)), "ind", str(report.id)),)
        for report, slug in found)
    return Reply(ctx.t("incidents-title"), rows, edit=edit)


@router.button("inl", role=SAFETY_DESK, action="incidents", args=())
async def back_to_list(ctx: Ctx) -> Outcome:
    scope = await _desk_exchanges(ctx)
    if ctx.participant is not None and ctx.participant.step == NOTE_STEP:
        NOTE_DRAFT.drop(ctx)
        ctx.go(MENU_STEP)
    return Outcome((await _listing(ctx, scope, edit=True),))


# A report's buttons look the report up first, then ask whether this desk serves its exchange.
@router.button("ind", public=True, args=(int,))
async def show(ctx: Ctx, report_id: int) -> Outcome:
    report = await _report(ctx, report_id)
    if isinstance(report, Outcome):
        return report
    await roles.record(ctx, "incident-open", "ok", f"#{report.id}")
    return Outcome((await _details(ctx, report, edit=True),))


async def _details(ctx: Ctx, report: Incident, *, edit: bool) -> Reply:
    exchange = (await exchanges.get_exchange(ctx.session, report.exchange_id)
                if report.exchange_id else None)
    chat = await incident_routing.reporter_chat(ctx.session, report)
    who = html.escape(ctx.t("incident-by-anonymous")) if chat is None else (
        f'<a href="tg://user?id={chat}">{html.escape(ctx.t("incident-by-named"))}</a>')
    text = ctx.t("incident-detail", id=report.id, exchange=html.escape(
        exchange.name if exchange else "-"),
        severity=ctx.t(f"incident-severity-{report.severity}"),
        status=ctx.t(f"incident-status-{report.status}"),
        # An anonymous report keeps the day only; a named one its time, in the reader's zone.
        reported=format_date(ctx.lang, report.created_at) if chat is None
        else f"{format_datetime(ctx.lang, report.created_at, ctx.zone)} ({ctx.zone_name})",
        when=ctx.t(f"incident-when-{report.happened}"),
        where=html.escape(report.place or "-"), what=html.escape(report.what), who=who)
    if report.note:
        text += "\n\n" + ctx.t("incident-detail-note", note=html.escape(report.note),
                               date=format_date(ctx.lang, report.noted_at or report.created_at))
    actions: list[Button] = []
    if report.status == incidents.OPEN:
        actions.append(buttons.button(ctx.t("incident-ack"), "inc", str(report.id), "a", "d"))
    if report.status != incidents.HANDLED:
        actions.append(buttons.button(ctx.t("incident-handled"), "inc", str(report.id), "h",
                                      "d"))
    rows: list[tuple[Button, ...]] = [tuple(actions)] if actions else []
    rows.append((buttons.button(ctx.t("incident-note"), "inn", str(report.id)),))
    rows.append((buttons.button(ctx.t("incident-back"), "inl"),))
    return Reply(text, tuple(rows), edit=edit, html=True)


@router.button("inc", public=True, args=(int, Choice("a", "h"), Maybe(Choice("d"))))
async def act_on(ctx: Ctx, report_id: int, verb: str, on_desk: str | None) -> Outcome:
    """Acknowledge (a) a report, or mark it handled (h): from the alert (a toast) or the
    desk (``d``: the details, updated in place)."""
    report = await _report(ctx, report_id)
    if isinstance(report, Outcome):
        return report
    now = ctx.now()
    changed = None
    if verb == "a" and report.status == incidents.OPEN:
        report.status, report.acknowledged_at = incidents.ACKNOWLEDGED, now
        changed = "incident-reporter-acknowledged"
    elif verb == "h" and report.status != incidents.HANDLED:
        report.status, report.handled_at = incidents.HANDLED, now
        report.acknowledged_at = report.acknowledged_at or now
        changed = "incident-reporter-handled"
    await roles.record(ctx, "incident", "ok", f"#{report.id} {report.status}")
    person = await incidents.reporter(ctx.session, report) if changed else None
    if changed is not None and person is not None:
        await ctx.enqueue([incident_routing.to_reporter(ctx.deps.translator, person, report,
                                                        changed)])
    toast = ctx.t("incident-status", id=report.id,
                  status=ctx.t(f"incident-status-{report.status}"))
    if on_desk is not None and changed is not None:
        return Outcome((await _details(ctx, report, edit=True),), toast=toast)
    return Outcome(toast=toast)


@router.button("inn", public=True, args=(int,))
async def ask_note(ctx: Ctx, report_id: int) -> Outcome:
    report = await _report(ctx, report_id)
    if isinstance(report, Outcome):
        return report
    await roles.ensure_staff_record(ctx)
    NOTE_DRAFT.save(ctx, NoteDraft(id=report.id))
    ctx.go(NOTE_STEP)
    return Outcome(tuple(await ctx.current_prompt()))


@router.prompt(NOTE_STEP)
async def note_prompt(ctx: Ctx) -> Sequence[Reply]:
    return [Reply(ctx.t("incident-ask-note", max=MAX_NOTE),
                  ((buttons.button(ctx.t("incident-back"), "inl"),),))]


@router.text(NOTE_STEP, max_length=MAX_NOTE)
async def take_note(ctx: Ctx) -> Outcome:
    draft = NOTE_DRAFT.load(ctx)
    report = await incidents.get(ctx.session, draft.id) if draft else None
    NOTE_DRAFT.drop(ctx)
    ctx.go(MENU_STEP)
    if report is None or not await _allowed(ctx, report):
        return await roles.refuse(ctx, "incident-note", "staff-only")
    report.note, report.noted_at = " ".join(ctx.inbound.text.split()), ctx.now()
    await roles.record(ctx, "incident-note", "ok", f"#{report.id}")
    log.info("incident_noted id=%s", report.id)
    return Outcome((Reply(ctx.t("incident-note-saved")), await _details(ctx, report,
                                                                         edit=False)))

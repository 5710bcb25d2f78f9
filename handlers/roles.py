"""Who may do what: roles are read from the database on every admin command (``ADMIN_IDS``
bootstraps coordinators), and every action or refused attempt goes to the audit log.

A route names who may use it with one of the roles at the end of this module
(``@router.command("audit", role=COORDINATORS)``); the router refuses everyone else with
:func:`refuse`."""

from __future__ import annotations

import logging

from bot.core import Outcome, Reply
from handlers.context import Ctx
from handlers.guards import Role
from storage import audit, exchanges, participants
from storage.models import Cohort, Exchange

log = logging.getLogger(__name__)

PARTICIPANT = "participant"
FACILITATOR = "facilitator"
COORDINATOR = "coordinator"
SAFETY = "safety"  # a safety contact: gets incident reports and mentorship alerts
ROLES = (PARTICIPANT, FACILITATOR, COORDINATOR, SAFETY)


def is_coordinator(ctx: Ctx) -> bool:
    return ctx.is_admin or (ctx.participant is not None and ctx.participant.role == COORDINATOR)


def is_facilitator(ctx: Ctx) -> bool:
    return ctx.participant is not None and ctx.participant.role == FACILITATOR


def is_staff(ctx: Ctx) -> bool:
    return is_coordinator(ctx) or is_facilitator(ctx)


def on_safety_desk(ctx: Ctx) -> bool:
    """Coordinators, and the safety contacts who take incident reports."""
    return is_coordinator(ctx) or (ctx.participant is not None
                                   and ctx.participant.role == SAFETY)


def reaches(ctx: Ctx, cohort_id: int | None) -> bool:
    """Whether this person may act on the cohort: any coordinator, or its own facilitator."""
    return is_coordinator(ctx) or (is_facilitator(ctx) and cohort_id is not None
                                   and ctx.me.cohort_id == cohort_id)


async def record(ctx: Ctx, action: str, outcome: str, target: str = "") -> None:
    if outcome == "ok":
        # Staff who act are staff the bot can reach: incident reports must find them.
        await ensure_staff_record(ctx)
    await audit.record(ctx.session, ctx.inbound.user_id, action, target=target,
                       outcome=outcome, now=ctx.now())


async def refuse(ctx: Ctx, command: str, message: str = "admin-only",
                 target: str = "") -> Outcome:
    """A polite no; the attempt is audited and nothing else happens."""
    log.info("admin_refused user=%s command=%s", ctx.inbound.user_id, command)
    await record(ctx, command, "refused", target)
    return Outcome((Reply(ctx.t(message)),))


CohortOrAnswer = tuple[Cohort, Exchange] | Outcome


async def cohort_in_reach(ctx: Ctx, command: str, handle: str) -> CohortOrAnswer:
    """The cohort a facilitator or coordinator acts on, or the answer that says why not; for
    the commands of routes with ``role=STAFF`` (nobody else gets this far).

    Coordinators reach any cohort; a facilitator only their own (an empty handle means it).
    An unknown handle gets the same answer as a cohort out of reach, so a facilitator cannot
    probe which cohorts exist."""
    coordinator = is_coordinator(ctx)
    own = ctx.participant.cohort_id if ctx.participant else None
    if not handle:
        if own is None:
            return Outcome((Reply(ctx.t("cohort-needed")),))
        found = await exchanges.cohort_with_exchange(ctx.session, own)
    else:
        found = await exchanges.find_cohort(ctx.session, handle)
    if found is not None and (coordinator or found[0].id == own):
        return found
    if not coordinator:
        return await refuse(ctx, command, "not-your-cohort", handle)
    return Outcome((Reply(ctx.t("cohort-unknown")),))


async def ensure_staff_record(ctx: Ctx) -> None:
    """A coordinator from ``ADMIN_IDS`` may never have joined a cohort; give them a
    participant row (no cohort): it is how the bot reaches them with incident reports, and
    where multi-step admin flows keep their draft."""
    if ctx.participant is not None or not ctx.is_admin:
        return
    ctx.participant = await participants.create(
        ctx.session, ctx.inbound.user_id, language=ctx.lang, cohort_id=None, role=COORDINATOR,
        step="menu", now=ctx.now())
    ctx.participant.onboarded_at = ctx.now()
    await deliver_waiting_reports(ctx)


async def deliver_waiting_reports(ctx: Ctx) -> None:
    """Someone who can take incident reports just became reachable: reports nobody could be
    told of go out now, not at the next sweep."""
    from handlers.incident_routing import deliver_waiting

    if await deliver_waiting(ctx.session, ctx.deps, ctx.now()):
        ctx.queued = True


# -- who may use a route (``role=`` of :class:`handlers.router.Router`) ------------------------
COORDINATORS = Role("coordinators", is_coordinator, "admin-only")
STAFF = Role("staff", is_staff, "staff-only")  # facilitators and coordinators
SAFETY_DESK = Role("safety desk", on_safety_desk, "staff-only")

"""Coordinator commands: ``/newexchange``, ``/invite``, ``/audit``.

The role is checked on every command, from the database (``ADMIN_IDS`` bootstraps the first
coordinators), and every action or refused attempt is written to the audit log.
"""

from __future__ import annotations

import logging
from datetime import date

from bot.core import Outcome, Reply
from handlers.context import Ctx
from handlers.router import Router
from storage import audit, exchanges

log = logging.getLogger(__name__)
MAX_NAME = 120

router = Router()


COORDINATOR = "coordinator"


def is_coordinator(ctx: Ctx) -> bool:
    return ctx.is_admin or (ctx.participant is not None and ctx.participant.role == COORDINATOR)


async def _audit(ctx: Ctx, action: str, outcome: str, target: str = "") -> None:
    await audit.record(ctx.session, ctx.inbound.user_id, action, target=target,
                       outcome=outcome, now=ctx.now())


async def _refuse(ctx: Ctx, command: str) -> Outcome:
    log.info("admin_refused user=%s command=%s", ctx.inbound.user_id, command)
    await _audit(ctx, command, "refused")
    return Outcome((Reply(ctx.t("admin-only")),))


@router.command("newexchange", public=True)
async def new_exchange(ctx: Ctx) -> Outcome:
    if not is_coordinator(ctx):
        return await _refuse(ctx, "newexchange")
    parts = ctx.inbound.args.split()
    if len(parts) < 3:
        return Outcome((Reply(ctx.t("newexchange-usage")),))
    name = " ".join(parts[:-2])[:MAX_NAME]
    try:
        starts_on, ends_on = date.fromisoformat(parts[-2]), date.fromisoformat(parts[-1])
    except ValueError:
        return Outcome((Reply(ctx.t("newexchange-bad-date")),))
    if ends_on < starts_on:
        return Outcome((Reply(ctx.t("newexchange-end-before-start")),))
    exchange, cohort = await exchanges.create_exchange(
        ctx.session, name, starts_on, ends_on, created_by=ctx.inbound.user_id, now=ctx.now())
    log.info("exchange_created id=%s by=%s", exchange.id, ctx.inbound.user_id)
    await _audit(ctx, "newexchange", "ok", exchange.slug)
    return Outcome((Reply(ctx.t("newexchange-done", name=exchange.name, slug=exchange.slug,
                                start=starts_on.isoformat(), end=ends_on.isoformat(),
                                cohort=cohort.name)),))


@router.command("invite", public=True)
async def invite(ctx: Ctx) -> Outcome:
    if not is_coordinator(ctx):
        return await _refuse(ctx, "invite")
    handle = ctx.inbound.args.strip()
    if not handle:
        return Outcome((Reply(ctx.t("invite-usage")),))
    exchange = await exchanges.find_exchange(ctx.session, handle)
    cohort = await exchanges.first_cohort(ctx.session, exchange.id) if exchange else None
    if exchange is None or cohort is None:
        return Outcome((Reply(ctx.t("invite-unknown-exchange")),))
    code = await exchanges.create_invite(ctx.session, cohort.id, created_by=ctx.inbound.user_id,
                                         now=ctx.now())
    log.info("invite_created cohort=%s by=%s", cohort.id, ctx.inbound.user_id)
    await _audit(ctx, "invite", "ok", exchange.slug)
    if ctx.deps.bot_username:
        link = f"https://t.me/{ctx.deps.bot_username}?start={code.code}"
        text = ctx.t("invite-done", exchange=exchange.name, cohort=cohort.name, code=code.code,
                     link=link)
    else:
        text = ctx.t("invite-done-local", exchange=exchange.name, cohort=cohort.name,
                     code=code.code)
    return Outcome((Reply(text),))


@router.command("audit", public=True)
async def audit_command(ctx: Ctx) -> Outcome:
    if not is_coordinator(ctx):
        return await _refuse(ctx, "audit")
    entries = await audit.latest(ctx.session)
    await _audit(ctx, "audit", "ok")
    if not entries:
        return Outcome((Reply(ctx.t("audit-empty")),))
    lines = [ctx.t("audit-title")] + [
        f"{e.created_at:%Y-%m-%d %H:%M} · {e.actor_id} · {e.action}"
        + (f" · {e.target}" if e.target else "") + f" · {e.outcome}" for e in entries]
    return Outcome((Reply("\n".join(lines)),))

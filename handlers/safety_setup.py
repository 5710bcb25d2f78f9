"""An exchange's safety set-up: the emergency text a reporter is shown when nobody can take
their report (asked for when the exchange is created, changed with ``/emergency``), and the
warning staff see while no safety contact serves the exchange."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core import Outcome, Reply
from handlers import buttons, incident_routing, roles
from handlers.context import Ctx, StaleButton
from handlers.drafts import Draft, Slot
from handlers.menu import MENU_STEP
from handlers.roles import COORDINATORS
from handlers.router import Router
from storage import exchanges
from storage.models import Exchange

EMERGENCY_STEP = "ad:emergency"
MAX_EMERGENCY = 500

router = Router()


class EmergencyDraft(Draft):
    exchange: int  # the exchange whose emergency text is asked for


DRAFT = Slot("emg", EmergencyDraft)


async def ask_emergency(ctx: Ctx, exchange: Exchange) -> Reply:
    """After ``/newexchange``: the safety warning, if any, and the emergency-text question."""
    DRAFT.save(ctx, EmergencyDraft(exchange=exchange.id))
    ctx.go(EMERGENCY_STEP)
    return (await ctx.current_prompt())[0]


@router.prompt(EMERGENCY_STEP)
async def emergency_prompt(ctx: Ctx) -> Sequence[Reply]:
    exchange = await _drafted(ctx)
    if exchange is None:
        ctx.go(MENU_STEP)
        return await ctx.current_prompt()
    warning = await incident_routing.safety_warning(ctx.session, ctx.deps.translator, ctx.lang,
                                                    ctx.deps.admin_ids, exchange)
    ask = ctx.t("emergency-ask", max=MAX_EMERGENCY, slug=exchange.slug)
    return [Reply(f"{warning}\n\n{ask}" if warning else ask,
                  ((buttons.button(ctx.t("emergency-later"), "emk"),),))]


async def _drafted(ctx: Ctx) -> Exchange | None:
    draft = DRAFT.load(ctx)
    return await exchanges.get_exchange(ctx.session, draft.exchange) if draft else None


@router.text(EMERGENCY_STEP, max_length=MAX_EMERGENCY)
async def take_emergency(ctx: Ctx) -> Outcome:
    exchange = await _drafted(ctx)
    DRAFT.drop(ctx)
    ctx.go(MENU_STEP)
    if exchange is None or not roles.is_coordinator(ctx):  # the role may have gone meanwhile
        return await roles.refuse(ctx, "emergency")
    return await _save(ctx, exchange, ctx.inbound.text)


@router.button("emk", step=EMERGENCY_STEP, args=())
async def later(ctx: Ctx) -> Outcome:
    exchange = await _drafted(ctx)
    if exchange is None:
        raise StaleButton
    DRAFT.drop(ctx)
    ctx.go(MENU_STEP)
    return Outcome((Reply(ctx.t("emergency-not-set", slug=exchange.slug), edit=True),))


@router.command("emergency", role=COORDINATORS)
async def emergency_command(ctx: Ctx) -> Outcome:
    """``/emergency <exchange> <text>`` sets it; ``/emergency <exchange>`` shows it."""
    parts = ctx.inbound.args.split(maxsplit=1)
    if not parts:
        return Outcome((Reply(ctx.t("emergency-usage", max=MAX_EMERGENCY)),))
    exchange = await exchanges.find_exchange(ctx.session, parts[0])
    if exchange is None:
        return Outcome((Reply(ctx.t("exchange-unknown")),))
    if len(parts) == 1:
        await roles.record(ctx, "emergency", "ok", exchange.slug)
        current = exchange.emergency_text or ctx.t("emergency-none")
        return Outcome((Reply(ctx.t("emergency-current", exchange=exchange.name,
                                    text=current)),))
    if len(parts[1]) > MAX_EMERGENCY:
        return Outcome((Reply(ctx.t("emergency-usage", max=MAX_EMERGENCY)),))
    return await _save(ctx, exchange, parts[1])


async def _save(ctx: Ctx, exchange: Exchange, text: str) -> Outcome:
    exchange.emergency_text = text.strip()
    await roles.record(ctx, "emergency", "ok", exchange.slug)
    return Outcome((Reply(ctx.t("emergency-saved", exchange=exchange.name)),))

"""Profile steps of onboarding (and of "time zone & quiet hours" from the menu):
region → time zone → quiet hours → the needs assessment (or, later, the main menu)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core import Outcome, Reply, in_place
from bot.i18n import format_time
from bot.local_time import (
    REGIONS,
    city_label,
    format_clock,
    parse_quiet_hours,
    parse_zone,
    resolve,
    utc_offset_label,
)
from handlers import buttons
from handlers.assessment import intro as assessment_intro
from handlers.context import Ctx, ForgedButton
from handlers.guards import Choice
from handlers.menu import main_menu
from handlers.router import Router

REGION_STEP = "onb:region"
TZ_STEP = "onb:tz"
QUIET_STEP = "onb:quiet"

router = Router()


# -- region --------------------------------------------------------------------------------
@router.prompt(REGION_STEP)
async def region_prompt(ctx: Ctx) -> Sequence[Reply]:
    keyboard = buttons.rows(
        (buttons.button(ctx.t(f"region-{key}"), "reg", key) for key in REGIONS), per_row=2)
    return [Reply(ctx.t("onb-region"), keyboard)]


@router.button("reg", step=REGION_STEP, args=(Choice(*REGIONS),))
async def choose_region(ctx: Ctx, region: str) -> Outcome:
    ctx.me.region = region
    ctx.go(TZ_STEP)
    return Outcome(in_place(await ctx.current_prompt()))


# -- time zone -----------------------------------------------------------------------------
@router.prompt(TZ_STEP)
async def tz_prompt(ctx: Ctx) -> Sequence[Reply]:
    now = ctx.now()
    zones = REGIONS.get(ctx.me.region or "", ())
    keyboard = buttons.rows(
        buttons.button(f"{city_label(z)} ({utc_offset_label(z, now)})", "tz", z) for z in zones)
    return [Reply(ctx.t("onb-timezone"), keyboard)]


async def _zone_chosen(ctx: Ctx, zone: str, *, edit: bool) -> Outcome:
    ctx.me.timezone = zone
    ctx.go(QUIET_STEP)
    confirm = ctx.t("timezone-set", zone=zone, offset=utc_offset_label(zone, ctx.now()),
                    time=format_time(ctx.lang, ctx.now(), resolve(zone)))
    prompt = (await ctx.current_prompt())[0]
    return Outcome((Reply(f"{confirm}\n\n{prompt.text}", prompt.buttons, edit=edit),))


@router.button("tz", step=TZ_STEP, args=(str,))
async def choose_zone(ctx: Ctx, name: str) -> Outcome:
    zone = parse_zone(name) if "/" in name else None  # a zone's name, as the buttons carry
    if zone is None:
        raise ForgedButton
    return await _zone_chosen(ctx, zone, edit=True)


@router.text(TZ_STEP)
async def type_zone(ctx: Ctx) -> Outcome:
    zone = parse_zone(ctx.inbound.text)
    if zone is None:
        return Outcome((Reply(ctx.t("timezone-unknown")), *await ctx.current_prompt()))
    return await _zone_chosen(ctx, zone, edit=False)


# -- quiet hours ---------------------------------------------------------------------------
@router.prompt(QUIET_STEP)
async def quiet_prompt(ctx: Ctx) -> Sequence[Reply]:
    start, end = format_clock(ctx.me.quiet_start), format_clock(ctx.me.quiet_end)
    keyboard = ((buttons.button(ctx.t("quiet-keep", start=start, end=end), "quiet", "keep"),),)
    return [Reply(ctx.t("onb-quiet", start=start, end=end), keyboard)]


async def _finish(ctx: Ctx, *, edit: bool) -> Outcome:
    me = ctx.me
    first_time = me.onboarded_at is None
    done = ctx.t("onb-done" if first_time else "profile-saved",
                 zone=me.timezone or "UTC", start=format_clock(me.quiet_start),
                 end=format_clock(me.quiet_end))
    if first_time:
        me.onboarded_at = ctx.now()
    ctx.go("menu")
    if first_time:  # straight on to the needs assessment, which can wait if they like
        return Outcome((assessment_intro(ctx, edit=edit, lead=done),))
    menu = main_menu(ctx)
    return Outcome((Reply(f"{done}\n\n{menu.text}", menu.buttons, edit=edit),))


@router.button("quiet", step=QUIET_STEP, args=(Choice("keep"),))
async def keep_quiet_hours(ctx: Ctx, _keep: str) -> Outcome:
    return await _finish(ctx, edit=True)


@router.text(QUIET_STEP)
async def type_quiet_hours(ctx: Ctx) -> Outcome:
    span = parse_quiet_hours(ctx.inbound.text)
    if span is None:
        return Outcome((Reply(ctx.t("quiet-unknown")), *await ctx.current_prompt()))
    ctx.me.quiet_start, ctx.me.quiet_end = span
    return await _finish(ctx, edit=False)

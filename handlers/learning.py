"""Learning: tracks and their modules, ``/continue`` and ``/progress``; the card player itself
is :mod:`handlers.player`, what comes next :mod:`handlers.learning_next`.

``/tracks`` marks the track the needs assessment recommended (★) and shows how many of each
track's modules are finished. ``/continue`` with no module open suggests the next one rather
than a bare list. All of it needs the "store my progress" consent
(:mod:`handlers.learning_gate`)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.content import Module
from bot.core import Button, Outcome, Reply
from handlers import buttons, player
from handlers.consent import current_decision
from handlers.context import Ctx, ForgedButton
from handlers.guards import onboarded
from handlers.learning_gate import CONSENT, LEARN_STEP, needs_consent, no_consent_reply
from handlers.learning_next import (
    finished_modules,
    label,
    recommended_track,
    suggest,
    suggestion_button,
    track_title,
)
from handlers.menu import MENU_STEP
from handlers.router import Router
from storage import learning
from storage.models import ModuleProgress

router = Router()
router.include(player.router)  # one feature, two files: the player's buttons route from here


# -- tracks and modules --------------------------------------------------------------------
async def track_list(ctx: Ctx, *, edit: bool, lead: str = "") -> Reply:
    """Every track with its finished modules ("2/4"), the recommended one starred."""
    done = await finished_modules(ctx)
    recommended = await recommended_track(ctx)
    keyboard = []
    for track in ctx.deps.content.tracks:
        count = ctx.t("learn-track-label", track=track_title(ctx, track), total=len(track.modules),
                      done=sum(1 for m in track.modules if m in done))
        star = "★ " if track.id == recommended else ""
        keyboard.append((buttons.button(label(star + count), "trk", track.id),))
    text = ctx.t("learn-tracks")
    if ctx.deps.content.track(recommended or "") is not None:
        text += "\n" + ctx.t("learn-tracks-star")
    return Reply(f"{lead}\n\n{text}" if lead else text, tuple(keyboard), edit=edit)


@router.command("tracks", step=onboarded)
@needs_consent
async def tracks_command(ctx: Ctx) -> Outcome:
    return Outcome((await track_list(ctx, edit=False),))


@router.button("trks", args=())
@needs_consent
async def tracks_button(ctx: Ctx) -> Outcome:
    return Outcome((await track_list(ctx, edit=True),))


@router.button("trk", args=(str,))
@needs_consent
async def open_track(ctx: Ctx, track_id: str) -> Outcome:
    track = ctx.deps.content.track(track_id)
    if track is None:
        raise ForgedButton
    ctx.me.track_id = track.id  # the track they chose, recommended or not
    done = {p.module_id: p for p in await learning.all_progress(ctx.session, ctx.me.id)}
    rows: list[tuple[Button, ...]] = []
    for module_id in track.modules:
        module = ctx.deps.content.modules[module_id]
        text, _ = module.text_for(ctx.lang)
        mark = _status_mark(done.get(module_id))
        rows.append((buttons.button(label(f"{mark}{text.title}"), "mod", module_id),))
    rows.append((buttons.button(ctx.t("learn-all-tracks"), "trks"),))
    return Outcome((Reply(ctx.t("learn-track", track=track_title(ctx, track)), tuple(rows),
                          edit=True),))


def _status_mark(progress: ModuleProgress | None) -> str:
    if progress is None:
        return ""
    return "✓ " if progress.completed_at is not None else "▶ "


@router.button("mod", args=(str,))
@needs_consent
async def open_module(ctx: Ctx, module_id: str) -> Outcome:
    module = ctx.deps.content.modules.get(module_id)
    if module is None:
        raise ForgedButton
    text, _ = module.text_for(ctx.lang)
    progress = await learning.progress(ctx.session, ctx.me.id, module.id)
    if progress is None:
        progress = await learning.start(ctx.session, ctx.me.id, module.id, text.cards[0].id,
                                        ctx.now())
    elif progress.completed_at is not None or text.card(progress.card_id) is None:
        player.move(ctx, progress, text.cards[0].id)  # again from the start
        progress.completed_at = None
    ctx.me.current_module = module.id
    ctx.go(LEARN_STEP)
    return Outcome((player.render(ctx, module, progress, edit=True, titled=True),))


@router.prompt(LEARN_STEP)
async def learn_prompt(ctx: Ctx) -> Sequence[Reply]:
    if not await current_decision(ctx, CONSENT):
        ctx.go(MENU_STEP)
        return [no_consent_reply(ctx, edit=False)]
    module = ctx.deps.content.modules.get(ctx.me.current_module or "")
    progress = await learning.progress(ctx.session, ctx.me.id, module.id) if module else None
    if module is None or progress is None:
        ctx.go(MENU_STEP)
        return [Reply(ctx.t("learn-module-gone")), await track_list(ctx, edit=False)]
    return [player.render(ctx, module, progress, edit=False)]


# -- /continue -----------------------------------------------------------------------------
@router.command("continue", step=onboarded)
@needs_consent
async def continue_command(ctx: Ctx) -> Outcome:
    if not ctx.me.current_module:
        return Outcome((await _suggestion(ctx),))
    ctx.go(LEARN_STEP)
    return Outcome(tuple(await ctx.current_prompt()))


async def _suggestion(ctx: Ctx) -> Reply:
    """Nothing open: the next module to take, one tap away (or, with every module finished,
    the tracks to go through again)."""
    nothing = ctx.t("learn-nothing-to-continue")
    following = await suggest(ctx)
    if following is None:
        return await track_list(ctx, edit=False, lead=f"{nothing} {ctx.t('learn-all-done')}")
    text, _ = following.module.text_for(ctx.lang)
    offer = ctx.t("learn-suggest", track=track_title(ctx, following.track), title=text.title)
    keyboard = ((suggestion_button(ctx, following),),
                (buttons.button(ctx.t("learn-all-tracks"), "trks"),))
    return Reply(f"{nothing}\n\n{offer}", keyboard)


@router.button("cont", step=onboarded, args=())
async def continue_button(ctx: Ctx) -> Outcome:
    """The button of a module reminder: the same as /continue."""
    return await continue_command(ctx)


# -- /progress -----------------------------------------------------------------------------
BAR = 10


def bar(fraction: float) -> str:
    filled = int(fraction * BAR + 0.5)  # half up: 25% shows 3 of 10, not banker's 2
    return "▓" * filled + "░" * (BAR - filled)


def cards_done(module: Module, progress: ModuleProgress | None) -> int:
    cards = module.texts["en"].cards
    if progress is None:
        return 0
    if progress.completed_at is not None:
        return len(cards)
    return next((i for i, c in enumerate(cards) if c.id == progress.card_id), 0)


@router.command("progress", step=onboarded)
@needs_consent
async def progress_command(ctx: Ctx) -> Outcome:
    mine = {p.module_id: p for p in await learning.all_progress(ctx.session, ctx.me.id)}
    lines = [ctx.t("progress-title")]
    for track in ctx.deps.content.tracks:
        modules = [ctx.deps.content.modules[m] for m in track.modules]
        total = sum(len(m.texts["en"].cards) for m in modules)
        done = sum(cards_done(m, mine.get(m.id)) for m in modules)
        finished = sum(1 for m in modules if cards_done(m, mine.get(m.id)) ==
                       len(m.texts["en"].cards))
        lines.append(ctx.t("progress-track", track=track.titles.get(ctx.lang) or
                           track.titles["en"], bar=bar(done / total if total else 0),
                           percent=round(100 * done / total) if total else 0,
                           done=finished, total=len(modules)))
    return Outcome((Reply("\n\n".join(lines), ((buttons.button(ctx.t("learn-all-tracks"),
                                                                  "trks"),),)),))

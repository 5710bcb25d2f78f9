"""Learning: tracks, modules, and the card player: text, quiz, scenario and reflection cards,
one message edited in place, progress saved on every card, ``/continue`` to resume.

All of it keeps progress, so all of it needs the "store my progress" consent: without it
each way in explains that, with one button to give it (``/offline`` keeps nothing and stays
open)."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Sequence
from typing import Concatenate, ParamSpec

from bot.content import Card, Module, ModuleText
from bot.core import Button, Kind, Outcome, Reply
from handlers import buttons
from handlers.consent import current_decision
from handlers.context import Ctx, ForgedButton, StaleButton
from handlers.glossary import term_rows
from handlers.menu import MENU_STEP
from handlers.router import Router
from storage import learning
from storage.models import ModuleProgress

LEARN_STEP = "learn"
MAX_REFLECTION = 2000
ANSWERED = "answered:"  # a quiz's step once answered: "answered:<choice id>"
CONSENT = "progress"

router = Router()
P = ParamSpec("P")


def no_consent_reply(ctx: Ctx, *, edit: bool) -> Reply:
    label = ctx.t("consent-give", question=ctx.t(f"consent-{CONSENT}-short"))
    return Reply(ctx.t("learn-no-consent"), ((buttons.button(label, "cset", CONSENT, "y"),),),
                 edit=edit)


def needs_consent(handler: Callable[Concatenate[Ctx, P], Awaitable[Outcome]]
                  ) -> Callable[Concatenate[Ctx, P], Awaitable[Outcome]]:
    """Runs ``handler`` only while the person lets us store their progress; otherwise the
    explanation, in place of a pressed card."""

    @functools.wraps(handler)
    async def guarded(ctx: Ctx, /, *args: P.args, **kwargs: P.kwargs) -> Outcome:
        if await current_decision(ctx, CONSENT):
            return await handler(ctx, *args, **kwargs)
        if ctx.me.step == LEARN_STEP:
            ctx.go(MENU_STEP)
        return Outcome((no_consent_reply(ctx, edit=ctx.inbound.kind is Kind.BUTTON),))

    return guarded


# -- tracks and modules --------------------------------------------------------------------
def track_list(ctx: Ctx, *, edit: bool) -> Reply:
    tracks = ctx.deps.content.tracks
    keyboard = tuple((buttons.button(t.titles.get(ctx.lang) or t.titles["en"], "trk", t.id),)
                     for t in tracks)
    return Reply(ctx.t("learn-tracks"), keyboard, edit=edit)


@router.command("tracks")
@needs_consent
async def tracks_command(ctx: Ctx) -> Outcome:
    if ctx.me.onboarded_at is None:
        return Outcome((Reply(ctx.t("menu-finish-setup")), *await ctx.current_prompt()))
    return Outcome((track_list(ctx, edit=False),))


@router.button("trks")
@needs_consent
async def tracks_button(ctx: Ctx, args: list[str]) -> Outcome:
    if args:
        raise ForgedButton
    return Outcome((track_list(ctx, edit=True),))


@router.button("trk")
@needs_consent
async def open_track(ctx: Ctx, args: list[str]) -> Outcome:
    track = ctx.deps.content.track(args[0]) if len(args) == 1 else None
    if track is None:
        raise ForgedButton
    ctx.me.track_id = track.id  # the track they chose, recommended or not
    done = {p.module_id: p for p in await learning.all_progress(ctx.session, ctx.me.id)}
    rows: list[tuple[Button, ...]] = []
    for module_id in track.modules:
        module = ctx.deps.content.modules[module_id]
        text, _ = module.text_for(ctx.lang)
        mark = _status_mark(done.get(module_id))
        rows.append((buttons.button(f"{mark}{text.title}"[:64], "mod", module_id),))
    rows.append((buttons.button(ctx.t("learn-all-tracks"), "trks"),))
    title = track.titles.get(ctx.lang) or track.titles["en"]
    return Outcome((Reply(ctx.t("learn-track", track=title), tuple(rows), edit=True),))


def _status_mark(progress: ModuleProgress | None) -> str:
    if progress is None:
        return ""
    return "✓ " if progress.completed_at is not None else "▶ "


@router.button("mod")
@needs_consent
async def open_module(ctx: Ctx, args: list[str]) -> Outcome:
    module = ctx.deps.content.modules.get(args[0]) if len(args) == 1 else None
    if module is None:
        raise ForgedButton
    text, _ = module.text_for(ctx.lang)
    progress = await learning.progress(ctx.session, ctx.me.id, module.id)
    if progress is None:
        progress = await learning.start(ctx.session, ctx.me.id, module.id, text.cards[0].id,
                                        ctx.now())
    elif progress.completed_at is not None or text.card(progress.card_id) is None:
        _move(ctx, progress, text.cards[0].id)  # again from the start
        progress.completed_at = None
    ctx.me.current_module = module.id
    ctx.go(LEARN_STEP)
    return Outcome((render(ctx, module, progress, edit=True),))


# -- the card player -----------------------------------------------------------------------
def _move(ctx: Ctx, progress: ModuleProgress, card_id: str, step_id: str = "") -> None:
    progress.card_id, progress.step_id, progress.updated_at = card_id, step_id, ctx.now()


def render(ctx: Ctx, module: Module, progress: ModuleProgress, *, edit: bool,
           note: str = "") -> Reply:
    text, fallback = module.text_for(ctx.lang)
    card = text.card(progress.card_id) or text.cards[0]
    number = text.cards.index(card) + 1
    if edit and number > 1:
        # Editing the message that already names the module: the count is enough, and the
        # title on every card was the largest share of the bytes a module costs.
        head = f"{number}/{len(text.cards)}"
    else:
        head = ctx.t("learn-card-head", title=text.title, number=number, total=len(text.cards))
        if fallback:
            head += " " + ctx.t("learn-in-english")
    body, keyboard = _card_body(ctx, module.id, text, card, progress.step_id)
    keyboard = (*keyboard, *term_rows(ctx, card))  # glossary links, under the interaction
    parts = [head, body] + ([note] if note else [])
    return Reply("\n\n".join(parts), keyboard, edit=edit)


def _next_button(ctx: Ctx, module_id: str, text: ModuleText, card: Card) -> Button:
    last = text.cards[-1].id == card.id
    return buttons.button(ctx.t("learn-finish" if last else "learn-next"), "nx", module_id,
                          card.id)


def _card_body(ctx: Ctx, module_id: str, text: ModuleText, card: Card,
               step_id: str) -> tuple[str, tuple[tuple[Button, ...], ...]]:
    nxt = ((_next_button(ctx, module_id, text, card),),)
    if card.kind == "quiz":
        if step_id.startswith(ANSWERED):
            chosen = next((c for c in card.choices if c.id == step_id[len(ANSWERED):]), None)
            if chosen is not None:
                verdict = ctx.t("learn-right" if chosen.correct else "learn-not-quite")
                return f"{card.text}\n\n{verdict} {chosen.feedback}", nxt
        return card.text, tuple(
            (buttons.button(c.label, "ans", module_id, card.id, c.id),) for c in card.choices)
    if card.kind == "scenario":
        step = card.step(step_id) or card.step(card.start)
        assert step is not None  # the pack was checked: start is a step
        if step.end:
            return step.text, nxt
        return step.text, tuple(
            (buttons.button(c.label, "ans", module_id, card.id, c.id),) for c in step.choices)
    if card.kind == "reflection":
        skip = buttons.button(ctx.t("learn-skip"), "nx", module_id, card.id)
        return f"{card.text}\n\n{ctx.t('learn-reflect-hint')}", ((skip,),)
    return card.text, nxt


async def _current(ctx: Ctx, module_id: str, card_id: str
                   ) -> tuple[Module, ModuleText, Card, ModuleProgress]:
    """The module and card a button names, if that card is where the person stands."""
    module = ctx.deps.content.modules.get(module_id)
    if module is None:
        raise StaleButton  # the module left the pack
    text, _ = module.text_for(ctx.lang)
    progress = await learning.progress(ctx.session, ctx.me.id, module_id)
    card = text.card(card_id)
    if progress is None or card is None or progress.card_id != card_id or \
            progress.completed_at is not None:
        raise StaleButton
    return module, text, card, progress


@router.button("nx")
@needs_consent
async def next_card(ctx: Ctx, args: list[str]) -> Outcome:
    if len(args) != 2:
        raise ForgedButton
    module, text, card, progress = await _current(ctx, *args)
    if card.kind == "quiz" and not progress.step_id.startswith(ANSWERED):
        raise StaleButton
    if card.kind == "scenario":
        step = card.step(progress.step_id or card.start)
        if step is None or not step.end:
            raise StaleButton
    return await _advance(ctx, module, text, card, progress, edit=True)


async def _advance(ctx: Ctx, module: Module, text: ModuleText, card: Card,
                   progress: ModuleProgress, *, edit: bool) -> Outcome:
    index = text.cards.index(card)
    if index + 1 < len(text.cards):
        _move(ctx, progress, text.cards[index + 1].id)
        return Outcome((render(ctx, module, progress, edit=edit),))
    progress.completed_at = ctx.now()
    ctx.me.current_module = None
    ctx.go("menu")
    keyboard = ((buttons.button(ctx.t("learn-all-tracks"), "trks"),),)
    done = ctx.t("learn-module-done", title=text.title)
    return Outcome((Reply(done, keyboard, edit=edit),), toast=ctx.t("learn-well-done"))


@router.button("ans")
@needs_consent
async def answer(ctx: Ctx, args: list[str]) -> Outcome:
    if len(args) != 3:
        raise ForgedButton
    module, _, card, progress = await _current(ctx, args[0], args[1])
    choice_id = args[2]
    if card.kind == "quiz":
        if progress.step_id.startswith(ANSWERED):
            return Outcome(toast=ctx.t("learn-already-answered"))
        choice = next((c for c in card.choices if c.id == choice_id), None)
        if choice is None:
            raise ForgedButton
        await learning.record_result(ctx.session, ctx.me.id, module.id, card.id, choice.id,
                                     correct=choice.correct, now=ctx.now())
        _move(ctx, progress, card.id, ANSWERED + choice.id)
        return Outcome((render(ctx, module, progress, edit=True),))
    if card.kind == "scenario":
        step = card.step(progress.step_id or card.start)
        choice = next((c for c in step.choices if c.id == choice_id), None) if step else None
        if step is None or choice is None:
            raise StaleButton  # a choice of a step already left
        await learning.record_result(ctx.session, ctx.me.id, module.id, card.id, choice.id,
                                     step_id=step.id, correct=None, now=ctx.now())
        _move(ctx, progress, card.id, choice.next)
        return Outcome((render(ctx, module, progress, edit=True),))
    raise StaleButton


@router.prompt(LEARN_STEP)
async def learn_prompt(ctx: Ctx) -> Sequence[Reply]:
    if not await current_decision(ctx, CONSENT):
        ctx.go(MENU_STEP)
        return [no_consent_reply(ctx, edit=False)]
    module = ctx.deps.content.modules.get(ctx.me.current_module or "")
    progress = await learning.progress(ctx.session, ctx.me.id, module.id) if module else None
    if module is None or progress is None:
        ctx.go("menu")
        return [Reply(ctx.t("learn-module-gone")), track_list(ctx, edit=False)]
    return [render(ctx, module, progress, edit=False)]


@router.command("continue")
@needs_consent
async def continue_command(ctx: Ctx) -> Outcome:
    if ctx.me.onboarded_at is None:
        return Outcome((Reply(ctx.t("menu-finish-setup")), *await ctx.current_prompt()))
    if not ctx.me.current_module:
        return Outcome((Reply(ctx.t("learn-nothing-to-continue")), track_list(ctx, edit=False)))
    ctx.go(LEARN_STEP)
    return Outcome(tuple(await ctx.current_prompt()))


@router.button("cont")
async def continue_button(ctx: Ctx, args: list[str]) -> Outcome:
    """The button of a module reminder: the same as /continue."""
    if args:
        raise ForgedButton
    return await continue_command(ctx)


@router.text(LEARN_STEP, max_length=MAX_REFLECTION)
@needs_consent
async def typed_while_learning(ctx: Ctx) -> Outcome:
    module = ctx.deps.content.modules.get(ctx.me.current_module or "")
    progress = await learning.progress(ctx.session, ctx.me.id, module.id) if module else None
    if module is None or progress is None:
        return Outcome(tuple(await ctx.current_prompt()))
    text, _ = module.text_for(ctx.lang)
    card = text.card(progress.card_id)
    if card is None or card.kind != "reflection":
        return Outcome((Reply(ctx.t("use-buttons")), render(ctx, module, progress, edit=False)))
    await learning.keep_reflection(ctx.session, ctx.me.id, module.id, card.id,
                                   text=ctx.inbound.text, now=ctx.now())
    outcome = await _advance(ctx, module, text, card, progress, edit=False)
    return Outcome((Reply(ctx.t("learn-reflection-kept")), *outcome.replies),
                   toast=outcome.toast)


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


@router.command("progress")
@needs_consent
async def progress_command(ctx: Ctx) -> Outcome:
    if ctx.me.onboarded_at is None:
        return Outcome((Reply(ctx.t("menu-finish-setup")), *await ctx.current_prompt()))
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

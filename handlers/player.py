"""The card player: a module's text, quiz, scenario and reflection cards in one message edited
in place, the place saved on every card (``/continue`` comes back to it).

A quiz whose ``tries`` are not used up shows a wrong answer's feedback with "Try again"; the
last answer's feedback is final, with Next. Back shows the cards already passed as they were
left (a quiz with its answer, a scenario with its debrief), read only: the saved place does not
move and nothing answered is lost; on the first card it goes back to the module's track. A
module ends with its score (quizzes right at the first try) and the next module to take.

Every byte here is paid on slow, costly links (``bench/bandwidth.py``): Back shares the row of
the way on, and an answered quiz or a drill under way shows none (see :class:`Face`)."""

from __future__ import annotations

from typing import NamedTuple

from bot.content import Card, Choice, Module, ModuleText
from bot.core import Button, Outcome, Reply, Rows, in_place
from handlers import buttons, learning_next
from handlers.context import Ctx, ForgedButton, StaleButton
from handlers.free_text import TYPED_NUMBER, ask_about_number, bare_number
from handlers.glossary import term_rows
from handlers.learning_gate import LEARN_STEP, needs_consent
from handlers.menu import MENU_STEP
from handlers.router import Router
from storage import learning
from storage.models import ModuleProgress

MAX_REFLECTION = 2000
# A quiz's place inside its card (ModuleProgress.step_id, at most 24 characters):
ANSWERED = "answered:"  # the final answer: "answered:<choice id>"
WRONG = "wrong:"  # a wrong answer with tries left: "wrong:<tries used>:<choice index>"
AGAIN = "again:"  # the choices once more: "again:<tries used>"
LATER_TRY = "try"  # a result of a later try is recorded at step "try2", "try3" …



class Face(NamedTuple):
    """What a card shows at a step: its text, choices, the way on, and whether Back is
    offered (not once a quiz is answered or a drill is under way: those run forward, and
    Back from the next card shows them as they were left; fewer bytes on every card)."""

    text: str
    choices: Rows = ()
    onward: Button | None = None
    back: bool = True


router = Router()


def move(ctx: Ctx, progress: ModuleProgress, card_id: str, step_id: str = "") -> None:
    progress.card_id, progress.step_id, progress.updated_at = card_id, step_id, ctx.now()


# -- showing a card ------------------------------------------------------------------------
def _head(ctx: Ctx, text: ModuleText, number: int, *, edit: bool, fallback: bool) -> str:
    if edit and number > 1:
        # Editing the message that already names the module: the count is enough, and the
        # title on every card was the largest share of the bytes a module costs.
        return f"{number}/{len(text.cards)}"
    head = ctx.t("learn-card-head", title=text.title, number=number, total=len(text.cards))
    return f"{head} {ctx.t('learn-in-english')}" if fallback else head


def _back(ctx: Ctx, module_id: str, text: ModuleText, card: Card) -> Button | None:
    """The previous card, or before the first one the module's track."""
    index = text.cards.index(card)
    label = ctx.t("learn-back")
    if index > 0:
        return buttons.button(label, "vw", module_id, text.cards[index - 1].id)
    track = learning_next.home_track(ctx, module_id)
    return buttons.button(label, "trk", track.id) if track is not None else None


def _keyboard(ctx: Ctx, module_id: str, text: ModuleText, card: Card, face: Face) -> Rows:
    """The card's choices, then the way on and Back in one row, then its glossary links. The
    way on comes first: where buttons are numbered (the terminal chat, Matrix), "1" goes on."""
    back = _back(ctx, module_id, text, card) if face.back else None
    last = tuple(b for b in (face.onward, back) if b is not None)
    return (*face.choices, *((last,) if last else ()), *term_rows(ctx, card))


def render(ctx: Ctx, module: Module, progress: ModuleProgress, *, edit: bool,
           titled: bool = False) -> Reply:
    """The card where the person stands, as it stands; ``titled`` names the module even in
    an edit (of a message that showed something else)."""
    text, fallback = module.text_for(ctx.lang)
    card = text.card(progress.card_id) or text.cards[0]
    head = _head(ctx, text, text.cards.index(card) + 1, edit=edit and not titled,
                 fallback=fallback)
    face = _card_face(ctx, module.id, text, card, progress.step_id)
    keyboard = _keyboard(ctx, module.id, text, card, face)
    return Reply(f"{head}\n\n{face.text}", keyboard, edit=edit)


def _next_button(ctx: Ctx, module_id: str, text: ModuleText, card: Card) -> Button:
    last = text.cards[-1].id == card.id
    return buttons.button(ctx.t("learn-finish" if last else "learn-next"), "nx", module_id,
                          card.id)


def _verdict(ctx: Ctx, card: Card, choice: Choice) -> str:
    verdict = ctx.t("learn-right" if choice.correct else "learn-not-quite")
    return f"{card.text}\n\n{verdict} {choice.feedback}"


def _choice_rows(module_id: str, card_id: str, choices: tuple[Choice, ...]) -> Rows:
    return tuple((buttons.button(c.label, "ans", module_id, card_id, c.id),) for c in choices)


def _card_face(ctx: Ctx, module_id: str, text: ModuleText, card: Card, step_id: str) -> Face:
    nxt = _next_button(ctx, module_id, text, card)
    if card.kind == "quiz":
        if step_id.startswith(ANSWERED):
            chosen = next((c for c in card.choices if c.id == step_id[len(ANSWERED):]), None)
            if chosen is not None:
                return Face(_verdict(ctx, card, chosen), onward=nxt, back=False)
        wrong = _wrong_choice(card, step_id)
        if wrong is not None:
            left = card.attempts - _tries_used(step_id)
            again = buttons.button(ctx.t("learn-try-again"), "rt", module_id, card.id)
            return Face(f"{_verdict(ctx, card, wrong)}\n{ctx.t('learn-tries-left', left=left)}",
                        onward=again)
        return Face(card.text, _choice_rows(module_id, card.id, card.choices))
    if card.kind == "scenario":
        step = card.step(step_id) or card.step(card.start)
        assert step is not None  # the pack was checked: start is a step
        if step.end:
            return Face(step.text, onward=nxt, back=False)
        return Face(step.text, _choice_rows(module_id, card.id, step.choices),
                    back=step.id == card.start)
    if card.kind == "reflection":
        skip = buttons.button(ctx.t("learn-skip"), "nx", module_id, card.id)
        return Face(f"{card.text}\n\n{ctx.t('learn-reflect-hint', max=MAX_REFLECTION)}",
                    onward=skip)
    return Face(card.text, onward=nxt)


def _tries_used(step_id: str) -> int:
    for prefix in (WRONG, AGAIN):
        if step_id.startswith(prefix):
            used = step_id[len(prefix):].split(":", maxsplit=1)[0]
            return int(used) if used.isdigit() else 0
    return 0


def _wrong_choice(card: Card, step_id: str) -> Choice | None:
    """The wrong answer whose feedback shows, with tries left."""
    if not step_id.startswith(WRONG):
        return None
    index = step_id[len(WRONG):].partition(":")[2]
    return card.choices[int(index)] if index.isdigit() and int(index) < len(card.choices) \
        else None


# -- moving through the cards ----------------------------------------------------------------
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


@router.button("nx", args=(str, str))
@needs_consent
async def next_card(ctx: Ctx, module_id: str, card_id: str) -> Outcome:
    module, text, card, progress = await _current(ctx, module_id, card_id)
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
        move(ctx, progress, text.cards[index + 1].id)
        return Outcome((render(ctx, module, progress, edit=edit),))
    progress.completed_at = ctx.now()
    ctx.me.current_module = None
    ctx.go(MENU_STEP)
    return Outcome((await _module_done(ctx, module, text, edit=edit),),
                   toast=ctx.t("learn-well-done"))


async def _module_done(ctx: Ctx, module: Module, text: ModuleText, *, edit: bool) -> Reply:
    """The end of a module: well done, the score, and the module to take next."""
    lines = [ctx.t("learn-module-done", title=text.title)]
    score = await learning_next.score(ctx, module.id, text)
    following = await learning_next.suggest(ctx, after=module.id)
    lines += [score] if score else []
    lines += [] if following else [ctx.t("learn-all-done")]
    onward = [learning_next.suggestion_button(ctx, following)] if following else []
    keyboard = tuple((b,) for b in (*onward, buttons.button(ctx.t("learn-all-tracks"), "trks")))
    return Reply("\n".join(lines), keyboard, edit=edit)


@router.button("ans", args=(str, str, str))
@needs_consent
async def answer(ctx: Ctx, module_id: str, card_id: str, choice_id: str) -> Outcome:
    module, _, card, progress = await _current(ctx, module_id, card_id)
    if card.kind == "quiz":
        if progress.step_id.startswith(ANSWERED):
            return Outcome(toast=ctx.t("learn-already-answered"))
        await _answer_quiz(ctx, module, card, progress, choice_id)
    elif card.kind == "scenario":
        await _answer_scenario(ctx, module, card, progress, choice_id)
    else:
        raise StaleButton
    return Outcome((render(ctx, module, progress, edit=True),))


async def _answer_quiz(ctx: Ctx, module: Module, card: Card, progress: ModuleProgress,
                       choice_id: str) -> None:
    if progress.step_id.startswith(WRONG):
        raise StaleButton  # the choices of a try already made
    index = next((i for i, c in enumerate(card.choices) if c.id == choice_id), None)
    if index is None:
        raise ForgedButton
    quiz_choice, attempt = card.choices[index], _tries_used(progress.step_id) + 1
    await learning.record_result(ctx.session, ctx.me.id, module.id, card.id, quiz_choice.id,
                                 step_id="" if attempt == 1 else f"{LATER_TRY}{attempt}",
                                 correct=quiz_choice.correct, now=ctx.now())
    if quiz_choice.correct or attempt >= card.attempts:
        move(ctx, progress, card.id, ANSWERED + quiz_choice.id)
    else:
        move(ctx, progress, card.id, f"{WRONG}{attempt}:{index}")


async def _answer_scenario(ctx: Ctx, module: Module, card: Card, progress: ModuleProgress,
                           choice_id: str) -> None:
    step = card.step(progress.step_id or card.start)
    choice = next((c for c in step.choices if c.id == choice_id), None) if step else None
    if step is None or choice is None:
        raise StaleButton  # a choice of a step already left
    await learning.record_result(ctx.session, ctx.me.id, module.id, card.id, choice.id,
                                 step_id=step.id, correct=None, now=ctx.now())
    move(ctx, progress, card.id, choice.next)


@router.button("rt", args=(str, str))
@needs_consent
async def try_again(ctx: Ctx, module_id: str, card_id: str) -> Outcome:
    module, _, card, progress = await _current(ctx, module_id, card_id)
    if card.kind != "quiz" or _wrong_choice(card, progress.step_id) is None:
        raise StaleButton
    move(ctx, progress, card.id, f"{AGAIN}{_tries_used(progress.step_id)}")
    return Outcome((render(ctx, module, progress, edit=True),))


# -- Back: the cards already passed, read only -------------------------------------------------
@router.button("vw", args=(str, str))
@needs_consent
async def view_card(ctx: Ctx, module_id: str, card_id: str) -> Outcome:
    module = ctx.deps.content.modules.get(module_id)
    if module is None:
        raise StaleButton
    text, _ = module.text_for(ctx.lang)
    progress = await learning.progress(ctx.session, ctx.me.id, module.id)
    wanted, here = text.card(card_id), text.card(progress.card_id) if progress else None
    if progress is None or progress.completed_at is not None or wanted is None or \
            here is None or text.cards.index(wanted) > text.cards.index(here):
        raise StaleButton  # a card not reached yet in this run of the module
    ctx.me.current_module = module.id
    ctx.go(LEARN_STEP)
    if wanted.id == here.id:
        return Outcome((render(ctx, module, progress, edit=True),))
    return Outcome((await _review(ctx, module, text, wanted),))


async def _review(ctx: Ctx, module: Module, text: ModuleText, card: Card) -> Reply:
    """A card already passed, as it was left; Next goes towards the card where they stand."""
    body = card.text
    last = await learning.last_choice(ctx.session, ctx.me.id, module.id, card.id)
    if card.kind == "quiz" and last is not None:
        chosen = next((c for c in card.choices if c.id == last[1]), None)
        body = _verdict(ctx, card, chosen) if chosen is not None else body
    elif card.kind == "scenario":
        body = _scenario_left_at(card, last)
    index = text.cards.index(card)
    onward = buttons.button(ctx.t("learn-next"), "vw", module.id, text.cards[index + 1].id)
    head = _head(ctx, text, index + 1, edit=True, fallback=module.text_for(ctx.lang)[1])
    keyboard = _keyboard(ctx, module.id, text, card, Face(body, onward=onward))
    return Reply(f"{head}\n\n{body}", keyboard, edit=True)


def _scenario_left_at(card: Card, last: tuple[str, str] | None) -> str:
    """A passed scenario's debrief (where its last choice led), else its first step."""
    step = card.step(last[0]) if last is not None else None
    chosen = next((c for c in step.choices if c.id == last[1]), None) \
        if step is not None and last is not None else None
    reached = card.step(chosen.next) if chosen is not None else None
    if reached is not None and reached.end:
        return reached.text
    start = card.step(card.start)
    assert start is not None  # the pack was checked: start is a step
    return start.text


# -- a reflection, typed -----------------------------------------------------------------------
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
    number = bare_number(ctx)
    if number is not None:
        skip = buttons.button(ctx.t("learn-skip"), "nx", module.id, card.id)
        return ask_about_number(ctx, number, ("rk", module.id, card.id, number), skip)
    return await _keep_reflection(ctx, (module, text, card, progress), ctx.inbound.text,
                                  edit=False)


@router.button("rk", args=(str, str, TYPED_NUMBER))
@needs_consent
async def keep_typed_number(ctx: Ctx, module_id: str, card_id: str, number: str) -> Outcome:
    """Keep it: the number typed on a reflection was meant as the answer."""
    where = await _current(ctx, module_id, card_id)
    if where[2].kind != "reflection":
        raise StaleButton
    return await _keep_reflection(ctx, where, number, edit=True)


async def _keep_reflection(ctx: Ctx, where: tuple[Module, ModuleText, Card, ModuleProgress],
                           words: str, *, edit: bool) -> Outcome:
    module, text, card, progress = where
    await learning.keep_reflection(ctx.session, ctx.me.id, module.id, card.id, text=words,
                                   now=ctx.now())
    outcome = await _advance(ctx, module, text, card, progress, edit=False)
    return Outcome(in_place((Reply(ctx.t("learn-reflection-kept")), *outcome.replies),
                            edit=edit), toast=outcome.toast)

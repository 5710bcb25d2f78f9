"""The needs assessment: about eight short questions (single choice, multiple choice, a 1-5
self-rating of each core skill, an optional note), then a recommended track with a one-line
reason, and the choice of another. Retaking it keeps the earlier answers for before/after.

Back goes to the previous question (from the first, to the introduction), which shows the
answer given; answers are kept until the assessment is finished, so Start on the
introduction of one under way picks them up again."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pydantic import TypeAdapter, ValidationError

from bot.core import Button, Outcome, Reply
from handlers import buttons
from handlers.assessment_questions import BY_ID, CORE_SKILLS, FOCUS_TRACKS, QUESTIONS
from handlers.consent import current_decision
from handlers.context import Ctx, ForgedButton, StaleButton
from handlers.free_text import ask_about_number, bare_number, is_number
from handlers.guards import Choice, Maybe, onboarded
from handlers.menu import main_menu
from handlers.router import Router
from storage import assessments

STEP = "assess:"
MAX_NOTE = 1000
QUESTION = Choice(*BY_ID)  # a button's question id
STEPS = frozenset(f"{STEP}{i}" for i in range(len(QUESTIONS)))
Answers = dict[str, str | int | list[str]]  # question id → option, rating, or options ticked
ANSWERS = TypeAdapter(Answers)

router = Router()


def _index(ctx: Ctx) -> int | None:
    step = ctx.me.step
    return int(step[len(STEP):]) if step in STEPS else None


def _asked(ctx: Ctx, question_id: str) -> int:
    """The index of the question a button answers, if it is the one being asked now."""
    index = _index(ctx)
    if index is None or QUESTIONS[index].id != question_id:
        raise StaleButton
    return index


def _answers(ctx: Ctx) -> Answers:
    """The answers given so far, kept in the step data until the assessment is finished."""
    try:
        return ANSWERS.validate_python(ctx.me.step_data.get("answers", {}))
    except ValidationError:
        return {}


def _save_answers(ctx: Ctx, answers: Answers) -> None:
    # A new dict, so the ORM sees the JSON column change.
    ctx.me.step_data = {**ctx.me.step_data, "answers": answers}


def intro(ctx: Ctx, *, edit: bool, lead: str = "") -> Reply:
    keyboard = ((buttons.button(ctx.t("assess-start"), "asm", "go"),
                 buttons.button(ctx.t("assess-later"), "asm", "later")),)
    text = ctx.t("assess-intro", total=len(QUESTIONS))
    return Reply(f"{lead}\n\n{text}" if lead else text, keyboard, edit=edit)


@router.command("assessment", step=onboarded)
async def assessment_command(ctx: Ctx) -> Outcome:
    return Outcome((intro(ctx, edit=False),))


@router.prompt(*(f"{STEP}{i}" for i in range(len(QUESTIONS))))
async def question_prompt(ctx: Ctx) -> Sequence[Reply]:
    return [_question(ctx, edit=False)]


def _question(ctx: Ctx, *, edit: bool) -> Reply:
    index = _index(ctx) or 0
    question = QUESTIONS[index]
    head = ctx.t("assess-head", number=index + 1, total=len(QUESTIONS))
    text = f"{head}\n\n{ctx.t(f'assess-{question.id}')}"
    rows: list[tuple[Button, ...]] = []
    given = _answers(ctx).get(question.id)
    if question.kind == "single":
        rows = [(buttons.button(_mark(o == given) + ctx.t(f"assess-{question.id}-{o}"), "as",
                                question.id, o),)
                for o in question.options]
    elif question.kind == "multi":
        picked = _picked(_answers(ctx), question.id)
        # Each option's button says what pressing it does (tick "1" / untick "0"): a second
        # tap on the same button is a double tap, while unticking is a new button.
        rows = [(buttons.button(("✓ " if o in picked else "") +
                                ctx.t(f"assess-{question.id}-{o}"), "as", question.id, o,
                                "0" if o in picked else "1"),)
                for o in question.options]
        rows.append((buttons.button(ctx.t("assess-done"), "as", question.id, "done"),))
    elif question.kind == "rating":
        text += "\n\n" + ctx.t("assess-rating-scale")
        rows = [tuple(buttons.button(_mark(str(given) == o) + o, "as", question.id, o)
                      for o in question.options)]
    else:
        text += "\n\n" + ctx.t("assess-note-hint", max=MAX_NOTE)
        rows = [(_skip_note(ctx),)]
    rows.append((buttons.button(ctx.t("learn-back"), "asb", question.id),))
    return Reply(text, tuple(rows), edit=edit)


def _picked(answers: Answers, question_id: str) -> set[str]:
    given = answers.get(question_id)
    return set(given) if isinstance(given, list) else set()


def _mark(given: bool) -> str:
    """The answer already given, when Back brings a question again."""
    return "✓ " if given else ""


def _skip_note(ctx: Ctx) -> Button:
    return buttons.button(ctx.t("learn-skip"), "as", QUESTIONS[-1].id, "skip")


@router.button("asm", step=onboarded, args=(Choice("go", "later"),))
async def start_or_later(ctx: Ctx, choice: str) -> Outcome:
    if choice == "later":
        ctx.go("menu")
        return Outcome((main_menu(ctx, edit=True),))
    # Inside an assessment (Back from its first question, or /assessment half way) its
    # answers are kept; otherwise it starts empty.
    ctx.me.step_data = {"answers": _answers(ctx) if _index(ctx) is not None else {}}
    ctx.go(f"{STEP}0")
    return Outcome((_question(ctx, edit=True),))


@router.button("as", step=STEPS, args=(QUESTION, str, Maybe(str)))
async def answer_question(ctx: Ctx, question_id: str, value: str, extra: str | None) -> Outcome:
    """``extra``: on a multiple choice, tick ("1") or untick ("0"); on the note, the number
    typed, kept."""
    question, index = BY_ID[question_id], _asked(ctx, question_id)
    answers = _answers(ctx)
    if question.kind == "multi" and value != "done":
        if value not in question.options or extra not in ("0", "1"):
            raise ForgedButton
        picked = _picked(answers, question.id)
        tick = extra == "1"
        if (value in picked) == tick:
            raise StaleButton  # already so: a button from before the last change
        picked ^= {value}
        answers[question.id] = sorted(picked)
        _save_answers(ctx, answers)
        return Outcome((_question(ctx, edit=True),))
    if question.kind == "text":
        if value == "skip" and extra is None:
            return await _finish(ctx, answers, note=None, edit=True)
        if value == "keep" and extra is not None and is_number(extra):
            return await _finish(ctx, answers, note=extra, edit=True)  # a typed number, meant
        raise ForgedButton
    if question.kind == "multi":
        answers.setdefault(question.id, [])
    elif value in question.options:
        answers[question.id] = int(value) if question.kind == "rating" else value
    else:
        raise ForgedButton
    _save_answers(ctx, answers)
    ctx.go(f"{STEP}{index + 1}")
    return Outcome((_question(ctx, edit=True),))


@router.button("asb", step=STEPS, args=(QUESTION,))
async def back(ctx: Ctx, question_id: str) -> Outcome:
    """The previous question, its answer shown; from the first, the introduction."""
    index = _asked(ctx, question_id)
    if index == 0:
        return Outcome((intro(ctx, edit=True),))  # the step stays: Start keeps the answers
    ctx.go(f"{STEP}{index - 1}")
    return Outcome((_question(ctx, edit=True),))


@router.text(f"{STEP}{len(QUESTIONS) - 1}", max_length=MAX_NOTE)
async def typed_note(ctx: Ctx) -> Outcome:
    number = bare_number(ctx)
    if number is not None:
        return ask_about_number(ctx, number, ("as", QUESTIONS[-1].id, "keep", number),
                                _skip_note(ctx))
    return await _finish(ctx, _answers(ctx), note=ctx.inbound.text, edit=False)


def recommend(answers: Mapping[str, object]) -> tuple[str, str, dict[str, object]]:
    """(track id, reason message id, its arguments): the gap that matters most first."""
    if answers.get("safety") == "no":
        return "safety-legal", "assess-reason-safety", {}
    ratings = {s: int(answers.get(f"rate-{s}", 3)) for s in CORE_SKILLS}  # type: ignore[call-overload]
    weakest = min(CORE_SKILLS, key=lambda s: ratings[s])
    if ratings[weakest] <= 2:
        return "core", "assess-reason-skill", {"skill": f"assess-rate-{weakest}-name"}
    focus = str(answers.get("focus", ""))
    if focus in FOCUS_TRACKS:
        return FOCUS_TRACKS[focus], "assess-reason-focus", {}
    return "core", "assess-reason-default", {}


async def _finish(ctx: Ctx, answers: Answers, *, note: str | None,
                  edit: bool) -> Outcome:
    track_id, reason_id, reason_args = recommend(answers)
    if "skill" in reason_args:
        reason_args = {"skill": ctx.t(str(reason_args["skill"]))}
    kept = note if note is not None and await current_decision(ctx, "progress") else None
    await assessments.save(ctx.session, ctx.me.id, answers, note=kept,
                           recommended_track=track_id, now=ctx.now())
    ctx.me.step_data = {}
    ctx.go("menu")
    track = ctx.deps.content.track(track_id)
    title = (track.titles.get(ctx.lang) or track.titles["en"]) if track else track_id
    text = ctx.t("assess-recommend", track=title, reason=ctx.t(reason_id, **reason_args))
    if note is not None and kept is None:
        text += "\n\n" + ctx.t("assess-note-not-kept")
    keyboard = ((buttons.button(ctx.t("assess-follow"), "trk", track_id),),
                (buttons.button(ctx.t("assess-other"), "trks"),))
    return Outcome((Reply(text, keyboard, edit=edit),))


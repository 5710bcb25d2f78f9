"""Feedback on a live session: the three 1-5 questions that reach attendees after it (sent by
:func:`scheduler.nudges.session_feedback`), an optional comment kept only under the progress
consent, and ``/feedback``, where facilitators (their exchange) and coordinators see the
aggregate."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core import Button, Outcome, Reply, in_place
from handlers import buttons, roles
from handlers.consent import current_decision
from handlers.context import Ctx, ForgedButton, StaleButton
from handlers.free_text import ask_about_number, bare_number, is_number
from handlers.live_sessions import DRAFT, reachable_session, say
from handlers.menu import MENU_STEP
from handlers.roles import record, refuse
from handlers.router import Router
from storage import live_sessions

FEEDBACK_TEXT_STEP = "ss:fbtext"
MAX_FEEDBACK = 1000
QUESTIONS = live_sessions.QUESTIONS

router = Router()


def feedback_keyboard(live_session_id: int,
                      question: str) -> tuple[tuple[buttons.Button, ...], ...]:
    return (tuple(buttons.button(str(n), "ssq", str(live_session_id), question, str(n))
                  for n in range(1, 6)),)


@router.button("ssq")
async def feedback_answer(ctx: Ctx, args: list[str]) -> Outcome:
    if len(args) != 3 or args[1] not in QUESTIONS or args[2] not in {"1", "2", "3", "4", "5"}:
        raise ForgedButton
    item = await reachable_session(ctx, args[0])
    if item.id not in await live_sessions.attending(ctx.session, ctx.me.id):
        raise ForgedButton  # the prompt goes only to those who attended
    await live_sessions.rate(ctx.session, item.id, ctx.me.id, args[1], int(args[2]),
                             now=ctx.now())
    following = QUESTIONS.index(args[1]) + 1
    if following < len(QUESTIONS):
        question = QUESTIONS[following]
        return Outcome((Reply(ctx.t(f"feedback-{question}", title=item.title),
                              feedback_keyboard(item.id, question), edit=True),))
    if not await current_decision(ctx, "progress"):  # free text kept only with that consent
        return Outcome((Reply(ctx.t("feedback-thanks"), edit=True),))
    ctx.keep_draft(DRAFT, {"feedback": item.id})
    ctx.go(FEEDBACK_TEXT_STEP)
    return Outcome(in_place(await feedback_text_prompt(ctx)))


def _skip_text(ctx: Ctx) -> Button:
    return buttons.button(ctx.t("feedback-skip"), "ssk")


def _commented_session(ctx: Ctx) -> int | None:
    """The live session whose comment is being asked for."""
    found = ctx.draft(DRAFT).get("feedback")
    return found if isinstance(found, int) else None


@router.prompt(FEEDBACK_TEXT_STEP)
async def feedback_text_prompt(ctx: Ctx) -> Sequence[Reply]:
    # The limit is said before anything is typed.
    return [Reply(ctx.t("feedback-text", max=MAX_FEEDBACK), ((_skip_text(ctx),),))]


@router.text(FEEDBACK_TEXT_STEP, max_length=4096)
async def feedback_text(ctx: Ctx) -> Outcome:
    text = ctx.inbound.text.strip()
    if len(text) > MAX_FEEDBACK:
        return Outcome((Reply(ctx.t("feedback-too-long", length=len(text), max=MAX_FEEDBACK)),
                        *await feedback_text_prompt(ctx)))
    live_session_id = _commented_session(ctx)
    number = bare_number(ctx)
    if number is not None and live_session_id is not None:  # Skip pressed by its number?
        return ask_about_number(ctx, number, ("ssn", str(live_session_id), number),
                                _skip_text(ctx))
    return await _keep_text(ctx, live_session_id, text, edit=False)


@router.button("ssn")
async def keep_typed_number(ctx: Ctx, args: list[str]) -> Outcome:
    """Keep it: the number typed as a comment was meant as the comment."""
    if len(args) != 2 or not args[0].isdigit() or not is_number(args[1]):
        raise ForgedButton
    if ctx.me.step != FEEDBACK_TEXT_STEP or _commented_session(ctx) != int(args[0]):
        raise StaleButton
    return await _keep_text(ctx, int(args[0]), args[1], edit=True)


async def _keep_text(ctx: Ctx, live_session_id: int | None, text: str, *,
                     edit: bool) -> Outcome:
    if live_session_id is not None and text:
        await live_sessions.keep_comment(ctx.session, live_session_id, ctx.me.id, text)
    ctx.keep_draft(DRAFT, None)
    ctx.go(MENU_STEP)
    return Outcome((Reply(ctx.t("feedback-thanks"), edit=edit),))


@router.button("ssk")
async def skip_feedback_text(ctx: Ctx, args: list[str]) -> Outcome:
    if args:
        raise ForgedButton
    if ctx.me.step != FEEDBACK_TEXT_STEP:
        raise StaleButton
    ctx.keep_draft(DRAFT, None)
    ctx.go(MENU_STEP)
    return Outcome((Reply(ctx.t("feedback-thanks"), edit=True),))


@router.command("feedback", public=True)
async def feedback_report(ctx: Ctx) -> Outcome:
    """The aggregate per session, for facilitators (their exchange) and coordinators."""
    if not (roles.is_coordinator(ctx) or roles.is_facilitator(ctx)):
        return await refuse(ctx, "feedback", "staff-only")
    exchange_id = None if roles.is_coordinator(ctx) else await live_sessions.exchange_of(
        ctx.session, ctx.me)
    arg = ctx.inbound.args.strip().lstrip("#")
    if arg and not arg.isdigit():
        return say(ctx.t("feedback-usage"))
    items = ([await live_sessions.get(ctx.session, int(arg))] if arg
             else await live_sessions.recent(ctx.session, ctx.now(), exchange_id))
    found = [i for i in items if i is not None
             and (exchange_id is None or i.exchange_id == exchange_id)]
    await record(ctx, "feedback", "ok", arg)
    if not found:
        return say(ctx.t("feedback-none"))
    blocks = []
    for item in found:
        summary = await live_sessions.aggregate(ctx.session, item.id)
        means = {q: f"{m:.1f}" if m is not None else "–" for q, m in summary.means.items()}
        block = ctx.t("feedback-summary", id=item.id, title=item.title,
                      responses=summary.responses,
                      attending=await live_sessions.attendance_count(ctx.session, item.id),
                      **means)
        block += "".join(f"\n– {t[:200]}" for t in summary.texts[:10])
        blocks.append(block)
    return say("\n\n".join(blocks))


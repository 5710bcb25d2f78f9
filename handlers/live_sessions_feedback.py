"""Feedback on a live session: the three 1-5 questions that reach attendees after it (sent by
:func:`scheduler.nudges.session_feedback`), an optional comment kept only under the progress
consent, and ``/feedback``, where facilitators (their exchange) and coordinators see the
aggregate."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core import Button, Outcome, Reply, Rows, in_place
from handlers import buttons, roles
from handlers.consent import current_decision
from handlers.context import Ctx, ForgedButton, StaleButton
from handlers.drafts import Draft, Slot
from handlers.free_text import TYPED_NUMBER, ask_about_number, bare_number
from handlers.guards import Choice
from handlers.live_sessions import DRAFT_KEY, reachable_session, say
from handlers.menu import MENU_STEP
from handlers.roles import STAFF, record
from handlers.router import Router
from storage import live_sessions

FEEDBACK_TEXT_STEP = "ss:fbtext"
MAX_FEEDBACK = 1000
QUESTIONS = live_sessions.QUESTIONS

router = Router()


class CommentDraft(Draft):
    feedback: int  # the live session whose comment is being asked for


DRAFT = Slot(DRAFT_KEY, CommentDraft)


def feedback_keyboard(live_session_id: int,
                      question: str) -> Rows:
    return (tuple(buttons.button(str(n), "ssq", str(live_session_id), question, str(n))
                  for n in range(1, 6)),)


@router.button("ssq", args=(int, Choice(*QUESTIONS), Choice(*"12345")))
async def feedback_answer(ctx: Ctx, live_session_id: int, asked: str, score: str) -> Outcome:
    item = await reachable_session(ctx, live_session_id)
    if item.id not in await live_sessions.attending(ctx.session, ctx.me.id):
        raise ForgedButton  # the prompt goes only to those who attended
    await live_sessions.rate(ctx.session, item.id, ctx.me.id, asked, int(score), now=ctx.now())
    following = QUESTIONS.index(asked) + 1
    if following < len(QUESTIONS):
        question = QUESTIONS[following]
        return Outcome((Reply(ctx.t(f"feedback-{question}", title=item.title),
                              feedback_keyboard(item.id, question), edit=True),))
    if not await current_decision(ctx, "progress"):  # free text kept only with that consent
        return Outcome((Reply(ctx.t("feedback-thanks"), edit=True),))
    DRAFT.save(ctx, CommentDraft(feedback=item.id))
    ctx.go(FEEDBACK_TEXT_STEP)
    return Outcome(in_place(await feedback_text_prompt(ctx)))


def _skip_text(ctx: Ctx) -> Button:
    return buttons.button(ctx.t("feedback-skip"), "ssk")


def _commented_session(ctx: Ctx) -> int | None:
    """The live session whose comment is being asked for."""
    draft = DRAFT.load(ctx)
    return draft.feedback if draft else None


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


@router.button("ssn", step=FEEDBACK_TEXT_STEP, args=(int, TYPED_NUMBER))
async def keep_typed_number(ctx: Ctx, live_session_id: int, number: str) -> Outcome:
    """Keep it: the number typed as a comment was meant as the comment."""
    if _commented_session(ctx) != live_session_id:
        raise StaleButton  # the number typed for an earlier session's comment
    return await _keep_text(ctx, live_session_id, number, edit=True)


async def _keep_text(ctx: Ctx, live_session_id: int | None, text: str, *,
                     edit: bool) -> Outcome:
    if live_session_id is not None and text:
        await live_sessions.keep_comment(ctx.session, live_session_id, ctx.me.id, text)
    DRAFT.drop(ctx)
    ctx.go(MENU_STEP)
    return Outcome((Reply(ctx.t("feedback-thanks"), edit=edit),))


@router.button("ssk", step=FEEDBACK_TEXT_STEP, args=())
async def skip_feedback_text(ctx: Ctx) -> Outcome:
    DRAFT.drop(ctx)
    ctx.go(MENU_STEP)
    return Outcome((Reply(ctx.t("feedback-thanks"), edit=True),))


@router.command("feedback", role=STAFF)
async def feedback_report(ctx: Ctx) -> Outcome:
    """The aggregate per session, for facilitators (their exchange) and coordinators."""
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


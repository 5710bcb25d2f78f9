"""The action brief, ``/plan``: commitments written one at a time (what, who is responsible,
by when), then opened later to mark done, edit or drop. Kept only under the "store my
progress" consent; without it nothing is shown or kept.

Here: the plan, one commitment and what can be done with it. Writing a commitment, or
changing one field of it, is :mod:`handlers.plan_input`.

Where someone stands is their step; the commitment being written, or the id of the one being
edited, is their plan draft (:data:`handlers.drafts.PLAN_DRAFT`) with the step to return to,
so a conversation left for /menu resumes with /plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.core import Button, Outcome, Reply, in_place
from bot.i18n import format_date
from handlers import buttons, drafts
from handlers.consent import current_decision
from handlers.context import Ctx, ForgedButton, StaleButton
from handlers.drafts import PLAN_DRAFT, PlanDraft
from handlers.guards import Choice, onboarded
from handlers.menu import MENU_STEP
from handlers.router import Router
from storage import commitments
from storage.commitments import DONE, DROPPED, OPEN
from storage.models import Commitment

VIEW_STEP, ITEM_STEP = "pl:view", "pl:item"
WHAT_STEP, WHO_STEP, DUE_STEP = "pl:what", "pl:who", "pl:due"
INPUT_STEPS = (WHAT_STEP, WHO_STEP, DUE_STEP)
PLAN_STEPS = (VIEW_STEP, ITEM_STEP, *INPUT_STEPS)
KEY = drafts.PLAN  # the button that opens the plan from anywhere
CONSENT = "progress"
# Fifteen full-length commitments still fit one Telegram message in the list's short form.
MAX_OPEN = 15
LIST_WHAT, LIST_WHO, LABEL_WHAT = 100, 40, 32
ACTIONS = {"w": WHAT_STEP, "h": WHO_STEP, "t": DUE_STEP}  # edit a field; d/x close it
CLOSE = {"d": DONE, "x": DROPPED}

router = Router()


# -- the draft, kept in the participant's step data so it survives restarts ---------------
def plan_draft(ctx: Ctx) -> PlanDraft:
    """The person's plan draft (an empty one when there is none)."""
    return PLAN_DRAFT.load(ctx) or PlanDraft()


def go_to(ctx: Ctx, step: str, draft: PlanDraft) -> None:
    """Move to ``step``; an input step is remembered in the draft, for /plan to resume."""
    PLAN_DRAFT.save(ctx, draft.model_copy(update={"at": step if step in INPUT_STEPS else None}))
    ctx.go(step)


async def editing_item(ctx: Ctx) -> Commitment | None:
    """The open commitment the draft names, if it names one (None while a new one is
    written)."""
    found_id = plan_draft(ctx).id
    if found_id is None:
        return None
    found = await commitments.owned(ctx.session, ctx.me.id, found_id)
    return found if found is not None and found.status == OPEN else None


# -- small pieces of text ------------------------------------------------------------------
def _short(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def who_label(ctx: Ctx, who: str) -> str:
    """Who is responsible, as the person reads it ("" is themselves)."""
    return who or ctx.t("plan-who-me")


def today_for(ctx: Ctx) -> date:
    """The person's today, where they are."""
    return ctx.now().astimezone(ctx.zone).date()


def _due(ctx: Ctx, due_on: date, today: date) -> str:
    shown = format_date(ctx.lang, due_on)
    return ctx.t("plan-due-late", date=shown) if due_on < today else shown


# -- consent ---------------------------------------------------------------------------------
def no_consent_reply(ctx: Ctx, *, edit: bool = False) -> Reply:
    keyboard = ((buttons.button(ctx.t("menu-consent"), "menu", "consent"),),)
    return Reply(ctx.t("plan-no-consent"), keyboard, edit=edit)


async def consent_refusal(ctx: Ctx, *, edit: bool) -> Outcome | None:
    """None while the consent holds; otherwise the explanation, with any draft forgotten
    and the person moved out of the plan's steps."""
    if await current_decision(ctx, CONSENT):
        return None
    PLAN_DRAFT.drop(ctx)
    if ctx.me.step in PLAN_STEPS:
        ctx.go(MENU_STEP)
    return Outcome((no_consent_reply(ctx, edit=edit),))


# -- the plan ----------------------------------------------------------------------------------
async def plan_view(ctx: Ctx, *, edit: bool = False, note: str = "") -> Reply:
    """Open commitments numbered, soonest first, then how many are done or dropped."""
    items = await commitments.open_for(ctx.session, ctx.me.id)
    counts = await commitments.status_counts(ctx.session, ctx.me.id)
    today = today_for(ctx)
    lines = [note] if note else []
    lines.append(ctx.t("plan-title"))
    for number, item in enumerate(items, 1):
        lines.append(ctx.t("plan-line", number=number, what=_short(item.what, LIST_WHAT),
                           who=_short(who_label(ctx, item.who), LIST_WHO),
                           due=_due(ctx, item.due_on, today)))
    if not items:
        lines.append(ctx.t("plan-empty"))
    if counts.get(DONE) or counts.get(DROPPED):
        lines.append(ctx.t("plan-closed", done=counts.get(DONE, 0),
                           dropped=counts.get(DROPPED, 0)))
    keyboard: list[tuple[Button, ...]] = [
        (buttons.button(f"{number}. {_short(item.what, LABEL_WHAT)}", "plo", str(item.id)),)
        for number, item in enumerate(items, 1)]
    if len(items) < MAX_OPEN:
        keyboard.append((buttons.button(ctx.t("plan-add"), "pla"),))
    return Reply("\n\n".join(lines), tuple(keyboard), edit=edit)


def item_view(ctx: Ctx, item: Commitment, *, edit: bool = False, note: str = "") -> Reply:
    text = ctx.t("plan-item", what=item.what, who=who_label(ctx, item.who),
                 due=_due(ctx, item.due_on, today_for(ctx)))
    ident = str(item.id)
    keyboard = buttons.rows((
        buttons.button(ctx.t("plan-done"), "pls", ident, "d"),
        buttons.button(ctx.t("plan-edit-what"), "pls", ident, "w"),
        buttons.button(ctx.t("plan-edit-who"), "pls", ident, "h"),
        buttons.button(ctx.t("plan-edit-due"), "pls", ident, "t"),
        buttons.button(ctx.t("plan-drop"), "pls", ident, "x"),
        buttons.button(ctx.t("plan-back"), KEY),
    ))
    return Reply(f"{note}\n\n{text}" if note else text, keyboard, edit=edit)


async def show_plan(ctx: Ctx, *, edit: bool, note: str = "", toast: str = "") -> Outcome:
    go_to(ctx, VIEW_STEP, PlanDraft())
    return Outcome((await plan_view(ctx, edit=edit, note=note),), toast=toast)


async def _open(ctx: Ctx, *, edit: bool) -> Outcome:
    """/plan and the "plan" button: back into an unfinished commitment, else the plan."""
    refused = await consent_refusal(ctx, edit=edit)
    if refused is not None:
        return refused
    draft = plan_draft(ctx)
    if draft.at in INPUT_STEPS and (draft.id is None or await editing_item(ctx) is not None):
        ctx.go(draft.at)
        return Outcome(in_place(await ctx.current_prompt(), edit=edit))
    return await show_plan(ctx, edit=edit)


@router.command("plan", step=onboarded)
async def plan_command(ctx: Ctx) -> Outcome:
    return await _open(ctx, edit=False)


@router.button(KEY, args=())
async def plan_button(ctx: Ctx) -> Outcome:
    # Not step=onboarded: the button (sent by nudges too) answers before onboarding as the
    # command does, not as a stale press.
    if not onboarded(ctx.me):
        return await ctx.deps.router.fallbacks["not_yet"](ctx)
    return await _open(ctx, edit=True)


@router.prompt(VIEW_STEP)
async def view_prompt(ctx: Ctx) -> Sequence[Reply]:
    if not await current_decision(ctx, CONSENT):
        return [no_consent_reply(ctx)]
    return [await plan_view(ctx)]


# -- one commitment: done, edit, drop ----------------------------------------------------------
async def _pressed_item(ctx: Ctx, commitment_id: int) -> Commitment:
    """The commitment a button names, only if it is the presser's own."""
    item = await commitments.owned(ctx.session, ctx.me.id, commitment_id)
    if item is None:
        raise ForgedButton
    return item


@router.button("plo", step=VIEW_STEP, args=(int,))
async def open_item(ctx: Ctx, commitment_id: int) -> Outcome:
    item = await _pressed_item(ctx, commitment_id)
    if item.status != OPEN:
        raise StaleButton
    refused = await consent_refusal(ctx, edit=True)
    if refused is not None:
        return refused
    go_to(ctx, ITEM_STEP, PlanDraft(id=item.id))
    return Outcome((item_view(ctx, item, edit=True),))


@router.prompt(ITEM_STEP)
async def item_prompt(ctx: Ctx) -> Sequence[Reply]:
    if not await current_decision(ctx, CONSENT):
        return [no_consent_reply(ctx)]
    item = await editing_item(ctx)
    if item is None:  # gone meanwhile: the plan is the place to stand
        go_to(ctx, VIEW_STEP, PlanDraft())
        return [await plan_view(ctx)]
    return [item_view(ctx, item)]


# No declared step: the commitment is looked up first, so someone else's is forged wherever
# the person stands (an open commitment's buttons are current only while it is shown).
@router.button("pls", args=(int, Choice(*CLOSE, *ACTIONS)))
async def item_action(ctx: Ctx, commitment_id: int, action: str) -> Outcome:
    item = await _pressed_item(ctx, commitment_id)
    if ctx.me.step != ITEM_STEP or plan_draft(ctx).id != item.id or item.status != OPEN:
        raise StaleButton
    refused = await consent_refusal(ctx, edit=True)
    if refused is not None:
        return refused
    if action in CLOSE:
        commitments.set_status(item, CLOSE[action], now=ctx.now())
        return await show_plan(ctx, edit=True, toast=ctx.t(
            "plan-marked-done" if action == "d" else "plan-marked-dropped"))
    go_to(ctx, ACTIONS[action], PlanDraft(id=item.id))
    return Outcome(in_place(await ctx.current_prompt()))


# -- adding one: its questions are handlers.plan_input's -----------------------------------
@router.button("pla", step=VIEW_STEP, args=())
async def add_button(ctx: Ctx) -> Outcome:
    refused = await consent_refusal(ctx, edit=True)
    if refused is not None:
        return refused
    if len(await commitments.open_for(ctx.session, ctx.me.id)) >= MAX_OPEN:
        return await show_plan(ctx, edit=True, toast=ctx.t("plan-full", max=MAX_OPEN))
    go_to(ctx, WHAT_STEP, PlanDraft())
    return Outcome(in_place(await ctx.current_prompt()))

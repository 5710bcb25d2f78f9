"""The action brief, ``/plan``: commitments written one at a time (what, who is responsible,
by when), then opened later to mark done, edit or drop. Kept only under the "store my
progress" consent; without it nothing is shown or kept.

Here: the plan, one commitment and what can be done with it. Writing a commitment, or
changing one field of it, is :mod:`handlers.plan_input`.

Where someone stands is their step; the commitment being written, or the id of the one being
edited, lives under ``step_data["plan"]`` with the step to return to, so a conversation left
for /menu resumes with /plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.core import Button, Outcome, Reply, in_place
from bot.i18n import format_date
from handlers import buttons, drafts
from handlers.consent import current_decision
from handlers.context import Ctx, ForgedButton, StaleButton
from handlers.menu import MENU_STEP
from handlers.router import Router
from storage import commitments
from storage.commitments import DONE, DROPPED, OPEN
from storage.models import Commitment

VIEW_STEP, ITEM_STEP = "pl:view", "pl:item"
WHAT_STEP, WHO_STEP, DUE_STEP = "pl:what", "pl:who", "pl:due"
INPUT_STEPS = (WHAT_STEP, WHO_STEP, DUE_STEP)
PLAN_STEPS = (VIEW_STEP, ITEM_STEP, *INPUT_STEPS)
KEY = drafts.PLAN  # under step_data; also the button key that opens the plan from anywhere
CONSENT = "progress"
# Fifteen full-length commitments still fit one Telegram message in the list's short form.
MAX_OPEN = 15
LIST_WHAT, LIST_WHO, LABEL_WHAT = 100, 40, 32
ACTIONS = {"w": WHAT_STEP, "h": WHO_STEP, "t": DUE_STEP}  # edit a field; d/x close it

router = Router()


# -- the draft, kept in the participant's step data so it survives restarts ---------------
def go_to(ctx: Ctx, step: str, draft: dict[str, object]) -> None:
    """Move to ``step``; an input step is remembered in the draft, for /plan to resume."""
    draft = {k: v for k, v in draft.items() if k != "at"}
    if step in INPUT_STEPS:
        draft["at"] = step
    ctx.keep_draft(KEY, draft)
    ctx.go(step)


def draft_id(draft: dict[str, object]) -> int | None:
    """The commitment being changed; None while a new one is written."""
    value = draft.get("id")
    return value if isinstance(value, int) else None


async def editing_item(ctx: Ctx) -> Commitment | None:
    """The open commitment the draft names, if it names one."""
    found_id = draft_id(ctx.draft(KEY))
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
    ctx.keep_draft(KEY, None)
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
    go_to(ctx, VIEW_STEP, {})
    return Outcome((await plan_view(ctx, edit=edit, note=note),), toast=toast)


async def _open(ctx: Ctx, *, edit: bool) -> Outcome:
    """/plan and the "plan" button: back into an unfinished commitment, else the plan."""
    if ctx.me.onboarded_at is None:
        return Outcome((Reply(ctx.t("menu-finish-setup")), *await ctx.current_prompt()))
    refused = await consent_refusal(ctx, edit=edit)
    if refused is not None:
        return refused
    draft = ctx.draft(KEY)
    at = draft.get("at")
    if isinstance(at, str) and at in INPUT_STEPS and (
            draft_id(draft) is None or await editing_item(ctx) is not None):
        ctx.go(at)
        return Outcome(in_place(await ctx.current_prompt(), edit=edit))
    return await show_plan(ctx, edit=edit)


@router.command("plan")
async def plan_command(ctx: Ctx) -> Outcome:
    return await _open(ctx, edit=False)


@router.button(KEY)
async def plan_button(ctx: Ctx, args: list[str]) -> Outcome:
    if args:
        raise ForgedButton
    return await _open(ctx, edit=True)


@router.prompt(VIEW_STEP)
async def view_prompt(ctx: Ctx) -> Sequence[Reply]:
    if not await current_decision(ctx, CONSENT):
        return [no_consent_reply(ctx)]
    return [await plan_view(ctx)]


# -- one commitment: done, edit, drop ----------------------------------------------------------
async def _pressed_item(ctx: Ctx, arg: str) -> Commitment:
    """The commitment a button names, only if it is the presser's own."""
    if not (arg.isascii() and arg.isdigit() and len(arg) <= 9):  # fits any integer column
        raise ForgedButton
    item = await commitments.owned(ctx.session, ctx.me.id, int(arg))
    if item is None:
        raise ForgedButton
    return item


@router.button("plo")
async def open_item(ctx: Ctx, args: list[str]) -> Outcome:
    if len(args) != 1:
        raise ForgedButton
    item = await _pressed_item(ctx, args[0])
    if ctx.me.step != VIEW_STEP or item.status != OPEN:
        raise StaleButton
    refused = await consent_refusal(ctx, edit=True)
    if refused is not None:
        return refused
    go_to(ctx, ITEM_STEP, {"id": item.id})
    return Outcome((item_view(ctx, item, edit=True),))


@router.prompt(ITEM_STEP)
async def item_prompt(ctx: Ctx) -> Sequence[Reply]:
    if not await current_decision(ctx, CONSENT):
        return [no_consent_reply(ctx)]
    item = await editing_item(ctx)
    if item is None:  # gone meanwhile: the plan is the place to stand
        go_to(ctx, VIEW_STEP, {})
        return [await plan_view(ctx)]
    return [item_view(ctx, item)]


@router.button("pls")
async def item_action(ctx: Ctx, args: list[str]) -> Outcome:
    if len(args) != 2 or args[1] not in ("d", "x", *ACTIONS):
        raise ForgedButton
    item = await _pressed_item(ctx, args[0])
    if ctx.me.step != ITEM_STEP or draft_id(ctx.draft(KEY)) != item.id or item.status != OPEN:
        raise StaleButton
    refused = await consent_refusal(ctx, edit=True)
    if refused is not None:
        return refused
    action = args[1]
    if action in ("d", "x"):
        commitments.set_status(item, DONE if action == "d" else DROPPED, now=ctx.now())
        return await show_plan(ctx, edit=True, toast=ctx.t(
            "plan-marked-done" if action == "d" else "plan-marked-dropped"))
    go_to(ctx, ACTIONS[action], {"id": item.id})
    return Outcome(in_place(await ctx.current_prompt()))


# -- adding one: its questions are handlers.plan_input's -----------------------------------
@router.button("pla")
async def add_button(ctx: Ctx, args: list[str]) -> Outcome:
    if args:
        raise ForgedButton
    if ctx.me.step != VIEW_STEP:
        raise StaleButton
    refused = await consent_refusal(ctx, edit=True)
    if refused is not None:
        return refused
    if len(await commitments.open_for(ctx.session, ctx.me.id)) >= MAX_OPEN:
        return await show_plan(ctx, edit=True, toast=ctx.t("plan-full", max=MAX_OPEN))
    go_to(ctx, WHAT_STEP, {})
    return Outcome(in_place(await ctx.current_prompt()))

"""The action brief, ``/plan``: commitments written one at a time (what, who is responsible,
by when), then opened later to mark done, edit or drop. Kept only under the "store my
progress" consent; without it nothing is shown or kept.

Where someone stands is their step; the commitment being written, or the id of the one being
edited, lives under ``step_data["plan"]`` with the step to return to, so a conversation left
for /menu resumes with /plan.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from bot.core import MAX_TEXT, Button, Outcome, Reply, in_place
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
MIN_WHAT, MAX_WHAT, MAX_WHO = 3, 300, 80
# Fifteen full-length commitments still fit one Telegram message in the list's short form.
MAX_OPEN = 15
LIST_WHAT, LIST_WHO, LABEL_WHAT = 100, 40, 32
MAX_AHEAD_MONTHS = 24
CHOICES = {"1w": (7, 0), "2w": (14, 0), "1m": (0, 1), "3m": (0, 3)}  # (days, months) ahead
ACTIONS = {"w": WHAT_STEP, "h": WHO_STEP, "t": DUE_STEP}  # edit a field; d/x close it
# \d on purpose: it also reads the Arabic-Indic digits of Arabic keyboards.
DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")

router = Router()


# -- dates, in the person's own terms ---------------------------------------------------------
def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or that month's last day (31 Jan + 1 → 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def choice_date(today: date, choice: str) -> date:
    days, months = CHOICES[choice]
    return add_months(today, months) + timedelta(days=days)


def parse_date(text: str) -> date | None:
    """``2026-03-16`` (also with / or .); None for anything else or a day that does not
    exist."""
    match = DATE.fullmatch(text.strip())
    if match is None:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def _today(ctx: Ctx) -> date:
    return ctx.now().astimezone(ctx.zone).date()


def _example(today: date) -> str:
    """A date to type, two weeks ahead. Written as it is typed (year-month-day, the one
    order no language reads another way), unlike the dates the plan shows."""
    return choice_date(today, "2w").isoformat()


# -- the draft, kept in the participant's step data so it survives restarts ---------------
def _go(ctx: Ctx, step: str, draft: dict[str, object]) -> None:
    """Move to ``step``; an input step is remembered in the draft, for /plan to resume."""
    draft = {k: v for k, v in draft.items() if k != "at"}
    if step in INPUT_STEPS:
        draft["at"] = step
    ctx.keep_draft(KEY, draft)
    ctx.go(step)


def _draft_id(draft: dict[str, object]) -> int | None:
    value = draft.get("id")
    return value if isinstance(value, int) else None


async def _editing(ctx: Ctx) -> Commitment | None:
    """The open commitment the draft names, if it names one."""
    found_id = _draft_id(ctx.draft(KEY))
    if found_id is None:
        return None
    found = await commitments.owned(ctx.session, ctx.me.id, found_id)
    return found if found is not None and found.status == OPEN else None


# -- small pieces of text ------------------------------------------------------------------
def _short(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _who(ctx: Ctx, who: str) -> str:
    return who or ctx.t("plan-who-me")


def _due(ctx: Ctx, due_on: date, today: date) -> str:
    shown = format_date(ctx.lang, due_on)
    return ctx.t("plan-due-late", date=shown) if due_on < today else shown


# -- consent ---------------------------------------------------------------------------------
def _no_consent_reply(ctx: Ctx, *, edit: bool = False) -> Reply:
    keyboard = ((buttons.button(ctx.t("menu-consent"), "menu", "consent"),),)
    return Reply(ctx.t("plan-no-consent"), keyboard, edit=edit)


async def _refused(ctx: Ctx, *, edit: bool) -> Outcome | None:
    """None while the consent holds; otherwise the explanation, with any draft forgotten
    and the person moved out of the plan's steps."""
    if await current_decision(ctx, CONSENT):
        return None
    ctx.keep_draft(KEY, None)
    if ctx.me.step in PLAN_STEPS:
        ctx.go(MENU_STEP)
    return Outcome((_no_consent_reply(ctx, edit=edit),))


# -- the plan ----------------------------------------------------------------------------------
async def plan_view(ctx: Ctx, *, edit: bool = False, note: str = "") -> Reply:
    """Open commitments numbered, soonest first, then how many are done or dropped."""
    items = await commitments.open_for(ctx.session, ctx.me.id)
    counts = await commitments.status_counts(ctx.session, ctx.me.id)
    today = _today(ctx)
    lines = [note] if note else []
    lines.append(ctx.t("plan-title"))
    for number, item in enumerate(items, 1):
        lines.append(ctx.t("plan-line", number=number, what=_short(item.what, LIST_WHAT),
                           who=_short(_who(ctx, item.who), LIST_WHO),
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
    text = ctx.t("plan-item", what=item.what, who=_who(ctx, item.who),
                 due=_due(ctx, item.due_on, _today(ctx)))
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


async def _show_plan(ctx: Ctx, *, edit: bool, note: str = "", toast: str = "") -> Outcome:
    _go(ctx, VIEW_STEP, {})
    return Outcome((await plan_view(ctx, edit=edit, note=note),), toast=toast)


async def _open(ctx: Ctx, *, edit: bool) -> Outcome:
    """/plan and the "plan" button: back into an unfinished commitment, else the plan."""
    if ctx.me.onboarded_at is None:
        return Outcome((Reply(ctx.t("menu-finish-setup")), *await ctx.current_prompt()))
    refused = await _refused(ctx, edit=edit)
    if refused is not None:
        return refused
    draft = ctx.draft(KEY)
    at = draft.get("at")
    if isinstance(at, str) and at in INPUT_STEPS and (
            _draft_id(draft) is None or await _editing(ctx) is not None):
        ctx.go(at)
        return Outcome(in_place(await ctx.current_prompt(), edit=edit))
    return await _show_plan(ctx, edit=edit)


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
        return [_no_consent_reply(ctx)]
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
    refused = await _refused(ctx, edit=True)
    if refused is not None:
        return refused
    _go(ctx, ITEM_STEP, {"id": item.id})
    return Outcome((item_view(ctx, item, edit=True),))


@router.prompt(ITEM_STEP)
async def item_prompt(ctx: Ctx) -> Sequence[Reply]:
    if not await current_decision(ctx, CONSENT):
        return [_no_consent_reply(ctx)]
    item = await _editing(ctx)
    if item is None:  # gone meanwhile: the plan is the place to stand
        _go(ctx, VIEW_STEP, {})
        return [await plan_view(ctx)]
    return [item_view(ctx, item)]


@router.button("pls")
async def item_action(ctx: Ctx, args: list[str]) -> Outcome:
    if len(args) != 2 or args[1] not in ("d", "x", *ACTIONS):
        raise ForgedButton
    item = await _pressed_item(ctx, args[0])
    if ctx.me.step != ITEM_STEP or _draft_id(ctx.draft(KEY)) != item.id or item.status != OPEN:
        raise StaleButton
    refused = await _refused(ctx, edit=True)
    if refused is not None:
        return refused
    action = args[1]
    if action in ("d", "x"):
        commitments.set_status(item, DONE if action == "d" else DROPPED, now=ctx.now())
        return await _show_plan(ctx, edit=True, toast=ctx.t(
            "plan-marked-done" if action == "d" else "plan-marked-dropped"))
    _go(ctx, ACTIONS[action], {"id": item.id})
    return Outcome(in_place(await ctx.current_prompt()))


# -- writing a commitment, or changing one field of it ---------------------------------------
@router.button("pla")
async def add_button(ctx: Ctx, args: list[str]) -> Outcome:
    if args:
        raise ForgedButton
    if ctx.me.step != VIEW_STEP:
        raise StaleButton
    refused = await _refused(ctx, edit=True)
    if refused is not None:
        return refused
    if len(await commitments.open_for(ctx.session, ctx.me.id)) >= MAX_OPEN:
        return await _show_plan(ctx, edit=True, toast=ctx.t("plan-full", max=MAX_OPEN))
    _go(ctx, WHAT_STEP, {})
    return Outcome(in_place(await ctx.current_prompt()))


@router.button("plx")
async def leave_input(ctx: Ctx, args: list[str]) -> Outcome:
    """« Cancel while writing a new one (back to the plan), « Back while changing a field
    (back to that commitment)."""
    if args:
        raise ForgedButton
    if ctx.me.step not in INPUT_STEPS:
        raise StaleButton
    item = await _editing(ctx)
    if item is None:
        return await _show_plan(ctx, edit=True)
    _go(ctx, ITEM_STEP, {"id": item.id})
    return Outcome((item_view(ctx, item, edit=True),))


def _input_keyboard(ctx: Ctx, editing: bool,
                    *rows: tuple[Button, ...]) -> tuple[tuple[Button, ...], ...]:
    leave = buttons.button(ctx.t("plan-back" if editing else "plan-cancel"), "plx")
    return (*rows, (leave,))


InputPrompt = Callable[[Ctx, Commitment | None], Reply]


def input_prompt(step: str) -> Callable[[InputPrompt], InputPrompt]:
    """Register the question of an input step. It is built with the commitment being
    changed, or None while a new one is written; without consent, or when the commitment
    being changed is no longer open, the person sees why or the plan instead."""

    def register(build: InputPrompt) -> InputPrompt:
        async def prompt(ctx: Ctx) -> Sequence[Reply]:
            if not await current_decision(ctx, CONSENT):
                return [_no_consent_reply(ctx)]
            item = await _editing(ctx)
            if item is None and _draft_id(ctx.draft(KEY)) is not None:
                _go(ctx, VIEW_STEP, {})
                return [await plan_view(ctx)]
            return [build(ctx, item)]

        router.prompt(step)(prompt)
        return build

    return register


async def _again(ctx: Ctx, msg_id: str, **args: object) -> Outcome:
    """What was wrong, and the question again in the same message; the draft is kept."""
    [prompt] = await ctx.current_prompt()
    return Outcome((Reply(f"{ctx.t(msg_id, **args)}\n\n{prompt.text}", prompt.buttons),))


async def _restart(ctx: Ctx, *, edit: bool) -> Outcome:
    """A draft missing an earlier answer (never written by this code): begin it again."""
    _go(ctx, WHAT_STEP, {})
    return Outcome(in_place(await ctx.current_prompt(), edit=edit))


async def _apply(ctx: Ctx, *, edit: bool, what: str | None = None, who: str | None = None,
                 due_on: date | None = None) -> Outcome:
    """A changed field of an existing commitment: saved, and the commitment shown again."""
    item = await _editing(ctx)
    if item is None:
        return await _show_plan(ctx, edit=edit)
    commitments.update(item, now=ctx.now(), what=what, who=who, due_on=due_on)
    _go(ctx, ITEM_STEP, {"id": item.id})
    return Outcome((item_view(ctx, item, edit=edit, note=ctx.t("plan-saved")),))


@input_prompt(WHAT_STEP)
def what_prompt(ctx: Ctx, item: Commitment | None) -> Reply:
    text = ctx.t("plan-change-what", now=item.what, max=MAX_WHAT) if item else \
        ctx.t("plan-ask-what", max=MAX_WHAT)
    return Reply(text, _input_keyboard(ctx, item is not None))


@router.text(WHAT_STEP, max_length=MAX_TEXT)
async def take_what(ctx: Ctx) -> Outcome:
    refused = await _refused(ctx, edit=False)
    if refused is not None:
        return refused
    what = ctx.inbound.text.strip()
    if len(what) < MIN_WHAT:
        return await _again(ctx, "plan-what-short", min=MIN_WHAT)
    if len(what) > MAX_WHAT:
        return await _again(ctx, "plan-what-long", length=len(what), max=MAX_WHAT)
    if _draft_id(ctx.draft(KEY)) is not None:
        return await _apply(ctx, edit=False, what=what)
    _go(ctx, WHO_STEP, {"what": what})
    return Outcome(tuple(await ctx.current_prompt()))


@input_prompt(WHO_STEP)
def who_prompt(ctx: Ctx, item: Commitment | None) -> Reply:
    text = ctx.t("plan-change-who", now=_who(ctx, item.who), max=MAX_WHO) if item else \
        ctx.t("plan-ask-who", max=MAX_WHO)
    me = buttons.button(ctx.t("plan-me"), "plm")
    return Reply(text, _input_keyboard(ctx, item is not None, (me,)))


async def _take_who(ctx: Ctx, who: str, *, edit: bool) -> Outcome:
    draft = ctx.draft(KEY)
    if _draft_id(draft) is not None:
        return await _apply(ctx, edit=edit, who=who)
    if not isinstance(draft.get("what"), str):
        return await _restart(ctx, edit=edit)
    _go(ctx, DUE_STEP, {**draft, "who": who})
    return Outcome(in_place(await ctx.current_prompt(), edit=edit))


@router.button("plm")
async def who_is_me(ctx: Ctx, args: list[str]) -> Outcome:
    if args:
        raise ForgedButton
    if ctx.me.step != WHO_STEP:
        raise StaleButton
    refused = await _refused(ctx, edit=True)
    if refused is not None:
        return refused
    return await _take_who(ctx, "", edit=True)


@router.text(WHO_STEP, max_length=MAX_TEXT)
async def take_who(ctx: Ctx) -> Outcome:
    refused = await _refused(ctx, edit=False)
    if refused is not None:
        return refused
    who = " ".join(ctx.inbound.text.split())  # a role is one line
    if not who:
        return await _again(ctx, "plan-who-empty")
    if len(who) > MAX_WHO:
        return await _again(ctx, "plan-who-long", length=len(who), max=MAX_WHO)
    if who.casefold() in (ctx.t("plan-me").casefold(), ctx.t("plan-who-me").casefold()):
        who = ""  # typed rather than tapped
    return await _take_who(ctx, who, edit=False)


@input_prompt(DUE_STEP)
def due_prompt(ctx: Ctx, item: Commitment | None) -> Reply:
    example = _example(_today(ctx))
    text = ctx.t("plan-change-due", now=format_date(ctx.lang, item.due_on), example=example) \
        if item else ctx.t("plan-ask-due", example=example)
    choices = buttons.rows(buttons.button(ctx.t(f"plan-in-{choice}"), "pld", choice)
                           for choice in CHOICES)
    return Reply(text, _input_keyboard(ctx, item is not None, *choices))


async def _take_due(ctx: Ctx, due_on: date, *, edit: bool) -> Outcome:
    draft = ctx.draft(KEY)
    if _draft_id(draft) is not None:
        return await _apply(ctx, edit=edit, due_on=due_on)
    what, who = draft.get("what"), draft.get("who")
    if not isinstance(what, str) or not isinstance(who, str):
        return await _restart(ctx, edit=edit)
    if len(await commitments.open_for(ctx.session, ctx.me.id)) >= MAX_OPEN:
        return await _show_plan(ctx, edit=edit, note=ctx.t("plan-full", max=MAX_OPEN))
    await commitments.add(ctx.session, ctx.me.id, what=what, who=who, due_on=due_on,
                          now=ctx.now())
    return await _show_plan(ctx, edit=edit, note=ctx.t("plan-added"))


@router.button("pld")
async def due_choice(ctx: Ctx, args: list[str]) -> Outcome:
    if len(args) != 1 or args[0] not in CHOICES:
        raise ForgedButton
    if ctx.me.step != DUE_STEP:
        raise StaleButton
    refused = await _refused(ctx, edit=True)
    if refused is not None:
        return refused
    return await _take_due(ctx, choice_date(_today(ctx), args[0]), edit=True)


@router.text(DUE_STEP)
async def take_due(ctx: Ctx) -> Outcome:
    refused = await _refused(ctx, edit=False)
    if refused is not None:
        return refused
    due_on, today = parse_date(ctx.inbound.text), _today(ctx)
    if due_on is None:
        return await _again(ctx, "plan-due-bad", example=_example(today))
    if due_on < today:
        return await _again(ctx, "plan-due-past", today=format_date(ctx.lang, today))
    latest = add_months(today, MAX_AHEAD_MONTHS)
    if due_on > latest:
        return await _again(ctx, "plan-due-far", latest=format_date(ctx.lang, latest))
    return await _take_due(ctx, due_on, edit=False)

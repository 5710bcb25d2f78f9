"""Writing a commitment of the plan (what → who → by when), or changing one field of an
open one; dates as people choose or type them. The plan itself is :mod:`handlers.plan`."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from bot.core import MAX_TEXT, Button, Outcome, Reply, Rows, in_place
from bot.i18n import format_date
from handlers import buttons
from handlers.consent import current_decision
from handlers.context import Ctx
from handlers.drafts import PlanDraft
from handlers.guards import Choice
from handlers.plan import (
    CONSENT,
    DUE_STEP,
    INPUT_STEPS,
    ITEM_STEP,
    MAX_OPEN,
    VIEW_STEP,
    WHAT_STEP,
    WHO_STEP,
    consent_refusal,
    editing_item,
    go_to,
    item_view,
    no_consent_reply,
    plan_draft,
    plan_view,
    show_plan,
    today_for,
    who_label,
)
from handlers.router import Router
from storage import commitments
from storage.models import Commitment

MIN_WHAT, MAX_WHAT, MAX_WHO = 3, 300, 80
MAX_AHEAD_MONTHS = 24
CHOICES = {"1w": (7, 0), "2w": (14, 0), "1m": (0, 1), "3m": (0, 3)}  # (days, months) ahead
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


def _example(today: date) -> str:
    """A date to type, two weeks ahead. Written as it is typed (year-month-day, the one
    order no language reads another way), unlike the dates the plan shows."""
    return choice_date(today, "2w").isoformat()


# -- writing a commitment, or changing one field of it ---------------------------------------
@router.button("plx", step=INPUT_STEPS, args=())
async def leave_input(ctx: Ctx) -> Outcome:
    """« Cancel while writing a new one (back to the plan), « Back while changing a field
    (back to that commitment)."""
    item = await editing_item(ctx)
    if item is None:
        return await show_plan(ctx, edit=True)
    go_to(ctx, ITEM_STEP, PlanDraft(id=item.id))
    return Outcome((item_view(ctx, item, edit=True),))


def _input_keyboard(ctx: Ctx, editing: bool,
                    *rows: tuple[Button, ...]) -> Rows:
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
                return [no_consent_reply(ctx)]
            item = await editing_item(ctx)
            if item is None and plan_draft(ctx).id is not None:
                go_to(ctx, VIEW_STEP, PlanDraft())
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
    go_to(ctx, WHAT_STEP, PlanDraft())
    return Outcome(in_place(await ctx.current_prompt(), edit=edit))


async def _apply(ctx: Ctx, *, edit: bool, what: str | None = None, who: str | None = None,
                 due_on: date | None = None) -> Outcome:
    """A changed field of an existing commitment: saved, and the commitment shown again."""
    item = await editing_item(ctx)
    if item is None:
        return await show_plan(ctx, edit=edit)
    commitments.update(item, now=ctx.now(), what=what, who=who, due_on=due_on)
    go_to(ctx, ITEM_STEP, PlanDraft(id=item.id))
    return Outcome((item_view(ctx, item, edit=edit, note=ctx.t("plan-saved")),))


@input_prompt(WHAT_STEP)
def what_prompt(ctx: Ctx, item: Commitment | None) -> Reply:
    text = ctx.t("plan-change-what", now=item.what, max=MAX_WHAT) if item else \
        ctx.t("plan-ask-what", max=MAX_WHAT)
    return Reply(text, _input_keyboard(ctx, item is not None))


@router.text(WHAT_STEP, max_length=MAX_TEXT)
async def take_what(ctx: Ctx) -> Outcome:
    refused = await consent_refusal(ctx, edit=False)
    if refused is not None:
        return refused
    what = ctx.inbound.text.strip()
    if len(what) < MIN_WHAT:
        return await _again(ctx, "plan-what-short", min=MIN_WHAT)
    if len(what) > MAX_WHAT:
        return await _again(ctx, "plan-what-long", length=len(what), max=MAX_WHAT)
    if plan_draft(ctx).id is not None:
        return await _apply(ctx, edit=False, what=what)
    go_to(ctx, WHO_STEP, PlanDraft(what=what))
    return Outcome(tuple(await ctx.current_prompt()))


@input_prompt(WHO_STEP)
def who_prompt(ctx: Ctx, item: Commitment | None) -> Reply:
    text = ctx.t("plan-change-who", now=who_label(ctx, item.who), max=MAX_WHO) if item else \
        ctx.t("plan-ask-who", max=MAX_WHO)
    me = buttons.button(ctx.t("plan-me"), "plm")
    return Reply(text, _input_keyboard(ctx, item is not None, (me,)))


async def _take_who(ctx: Ctx, who: str, *, edit: bool) -> Outcome:
    draft = plan_draft(ctx)
    if draft.id is not None:
        return await _apply(ctx, edit=edit, who=who)
    if draft.what is None:
        return await _restart(ctx, edit=edit)
    draft.who = who
    go_to(ctx, DUE_STEP, draft)
    return Outcome(in_place(await ctx.current_prompt(), edit=edit))


@router.button("plm", step=WHO_STEP, args=())
async def who_is_me(ctx: Ctx) -> Outcome:
    refused = await consent_refusal(ctx, edit=True)
    if refused is not None:
        return refused
    return await _take_who(ctx, "", edit=True)


@router.text(WHO_STEP, max_length=MAX_TEXT)
async def take_who(ctx: Ctx) -> Outcome:
    refused = await consent_refusal(ctx, edit=False)
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
    example = _example(today_for(ctx))
    text = ctx.t("plan-change-due", now=format_date(ctx.lang, item.due_on), example=example) \
        if item else ctx.t("plan-ask-due", example=example)
    choices = buttons.rows(buttons.button(ctx.t(f"plan-in-{choice}"), "pld", choice)
                           for choice in CHOICES)
    return Reply(text, _input_keyboard(ctx, item is not None, *choices))


async def _take_due(ctx: Ctx, due_on: date, *, edit: bool) -> Outcome:
    draft = plan_draft(ctx)
    if draft.id is not None:
        return await _apply(ctx, edit=edit, due_on=due_on)
    what, who = draft.what, draft.who
    if what is None or who is None:
        return await _restart(ctx, edit=edit)
    if len(await commitments.open_for(ctx.session, ctx.me.id)) >= MAX_OPEN:
        return await show_plan(ctx, edit=edit, note=ctx.t("plan-full", max=MAX_OPEN))
    await commitments.add(ctx.session, ctx.me.id, what=what, who=who, due_on=due_on,
                          now=ctx.now())
    return await show_plan(ctx, edit=edit, note=ctx.t("plan-added"))


@router.button("pld", step=DUE_STEP, args=(Choice(*CHOICES),))
async def due_choice(ctx: Ctx, choice: str) -> Outcome:
    refused = await consent_refusal(ctx, edit=True)
    if refused is not None:
        return refused
    return await _take_due(ctx, choice_date(today_for(ctx), choice), edit=True)


@router.text(DUE_STEP)
async def take_due(ctx: Ctx) -> Outcome:
    refused = await consent_refusal(ctx, edit=False)
    if refused is not None:
        return refused
    due_on, today = parse_date(ctx.inbound.text), today_for(ctx)
    if due_on is None:
        return await _again(ctx, "plan-due-bad", example=_example(today))
    if due_on < today:
        return await _again(ctx, "plan-due-past", today=format_date(ctx.lang, today))
    latest = add_months(today, MAX_AHEAD_MONTHS)
    if due_on > latest:
        return await _again(ctx, "plan-due-far", latest=format_date(ctx.lang, latest))
    return await _take_due(ctx, due_on, edit=False)

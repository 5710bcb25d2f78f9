"""``/story``: a participant shares a win or a loss with their cohort (the seed's pre-exchange
storytelling). Stories need the "share my stories" consent, are shown to the cohort without
the author's identity, and the author can withdraw any of theirs at any time."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core import Outcome, Reply, in_place
from handlers import buttons
from handlers.consent import current_decision
from handlers.context import Ctx, ForgedButton, StaleButton
from handlers.drafts import Draft, Slot
from handlers.guards import Choice, onboarded
from handlers.menu import MENU_STEP
from handlers.router import Router
from storage import stories

KIND_STEP, TEXT_STEP = "st:kind", "st:text"
KINDS = ("win", "loss")
MAX_STORY = 1500
SHOWN = 10

router = Router()


class StoryDraft(Draft):
    kind: str  # chosen, while the text is asked for


DRAFT = Slot("st", StoryDraft)


async def _both_consents(ctx: Ctx) -> bool:
    """A story is kept (storage consent) to be shared (sharing consent): it needs both."""
    return await current_decision(ctx, "progress") and await current_decision(ctx, "stories")


def _consent_refusal(ctx: Ctx) -> Outcome:
    keyboard = ((buttons.button(ctx.t("menu-consent"), "menu", "consent"),),)
    return Outcome((Reply(ctx.t("story-needs-consent"), keyboard),))


@router.command("story", step=onboarded)
async def story(ctx: Ctx) -> Outcome:
    if not await _both_consents(ctx):
        return _consent_refusal(ctx)
    ctx.go(KIND_STEP)
    return Outcome(tuple(await ctx.current_prompt()))


@router.prompt(KIND_STEP)
async def kind_prompt(ctx: Ctx) -> Sequence[Reply]:
    row = tuple(buttons.button(ctx.t(f"story-kind-{k}"), "sk", k) for k in KINDS)
    return [Reply(ctx.t("story-intro"), (row, (buttons.button(ctx.t("story-cancel"), "sx"),)))]


@router.button("sk", step=KIND_STEP, args=(Choice(*KINDS),))
async def pick_kind(ctx: Ctx, kind: str) -> Outcome:
    DRAFT.save(ctx, StoryDraft(kind=kind))
    ctx.go(TEXT_STEP)
    return Outcome(in_place(await text_prompt(ctx)))


@router.prompt(TEXT_STEP)
async def text_prompt(ctx: Ctx) -> Sequence[Reply]:
    return [Reply(ctx.t("story-ask-text", max=MAX_STORY),
                  ((buttons.button(ctx.t("story-cancel"), "sx"),),))]


@router.text(TEXT_STEP, max_length=4096)
async def take_text(ctx: Ctx) -> Outcome:
    text = ctx.inbound.text.strip()
    if not 10 <= len(text) <= MAX_STORY:
        return Outcome((Reply(ctx.t("story-text-bad", length=len(text), max=MAX_STORY)),))
    if not await _both_consents(ctx):  # withdrawn meanwhile: keep nothing
        ctx.go(MENU_STEP)
        return _consent_refusal(ctx)
    draft = DRAFT.load(ctx)
    stories.share(ctx.session, participant_id=ctx.me.id, cohort_id=ctx.me.cohort_id,
                  kind=draft.kind if draft and draft.kind in KINDS else "win", text=text,
                  now=ctx.now())
    DRAFT.drop(ctx)
    ctx.go(MENU_STEP)
    return Outcome((Reply(ctx.t("story-shared")),))


@router.button("sx", step=(KIND_STEP, TEXT_STEP), args=())
async def cancel(ctx: Ctx) -> Outcome:
    ctx.go(MENU_STEP)
    return Outcome((Reply(ctx.t("story-cancelled"), edit=True),))


@router.command("stories")
async def cohort_stories(ctx: Ctx) -> Outcome:
    """The cohort's stories, newest first, of authors who consent to sharing right now."""
    if ctx.me.cohort_id is None:
        return Outcome((Reply(ctx.t("stories-none")),))
    found = await stories.shared_in_cohort(ctx.session, ctx.me.cohort_id, SHOWN)
    if not found:
        return Outcome((Reply(ctx.t("stories-none")),))
    lines, keyboard = [ctx.t("stories-title")], []
    for item in found:
        mine = item.participant_id == ctx.me.id
        head = ctx.t(f"story-kind-{item.kind}") + (" · " + ctx.t("story-yours") if mine else "")
        lines.append(f"{head}\n{item.text}")
        if mine:
            keyboard.append((buttons.button(ctx.t("story-withdraw", id=item.id), "sw",
                                            str(item.id)),))
    return Outcome((Reply("\n\n".join(lines), tuple(keyboard)),))


@router.button("sw", args=(int,))
async def withdraw(ctx: Ctx, story_id: int) -> Outcome:
    item = await stories.get(ctx.session, story_id)
    if item is None:
        raise StaleButton  # withdrawn already
    if item.participant_id != ctx.me.id:
        raise ForgedButton
    await stories.withdraw(ctx.session, item)
    return Outcome(toast=ctx.t("story-withdrawn"))

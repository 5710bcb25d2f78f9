"""Granular consent: asked one purpose at a time during onboarding, changed any time with
``/consent``. Every decision is appended to the ledger with the policy version."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core import Button, Outcome, Reply, in_place
from handlers import buttons
from handlers.context import Ctx, StaleButton
from handlers.guards import Choice
from handlers.privacy import withdrawal_note
from handlers.router import Router
from storage.consents import current_consents, record_consent

POLICY_VERSION = "2026-11"
# Order matters: onboarding asks in this order.
PURPOSES = ("progress", "stories", "followup", "media")
CONSENT_STEP = "onb:consent:"
CHOICE = (Choice(*PURPOSES), Choice("y", "n"))  # a consent button's data: purpose, yes or no

router = Router()


def consent_step(purpose: str) -> str:
    return CONSENT_STEP + purpose


async def current_decision(ctx: Ctx, purpose: str) -> bool:
    """Whether the person has, right now, given this consent (unanswered counts as no)."""
    return (await current_consents(ctx.session, ctx.me.id)).get(purpose) is True


async def record(ctx: Ctx, purpose: str, granted: bool) -> None:
    await record_consent(ctx.session, ctx.me.id, purpose, granted,
                         policy_version=POLICY_VERSION, now=ctx.now())


# -- onboarding: one purpose per message, edited in place -----------------------------------
@router.prompt(*(consent_step(p) for p in PURPOSES))
async def consent_question(ctx: Ctx) -> Sequence[Reply]:
    purpose = ctx.me.step.removeprefix(CONSENT_STEP)
    number = PURPOSES.index(purpose) + 1
    text = ctx.t("consent-question", number=number, total=len(PURPOSES),
                 question=ctx.t(f"consent-{purpose}"), reason=ctx.t(f"consent-{purpose}-why"))
    if number == 1:  # before the first question about their data: say plainly what is kept
        text = ctx.t("privacy-notice") + "\n\n" + text
    keyboard = ((buttons.button(ctx.t("consent-yes"), "cons", purpose, "y"),
                 buttons.button(ctx.t("consent-no"), "cons", purpose, "n")),)
    return [Reply(text, keyboard)]


@router.button("cons", args=CHOICE)
async def answer_consent(ctx: Ctx, purpose: str, answer: str) -> Outcome:
    if ctx.me.step != consent_step(purpose):  # the question of this purpose, still asked
        raise StaleButton
    await record(ctx, purpose, answer == "y")
    following = PURPOSES.index(purpose) + 1
    ctx.go(consent_step(PURPOSES[following]) if following < len(PURPOSES) else "onb:coc")
    return Outcome(in_place(await ctx.current_prompt()), toast=ctx.t("consent-saved"))


# -- /consent: every purpose with its current decision, one tap to change ------------------
async def overview(ctx: Ctx, *, edit: bool) -> Reply:
    decisions = await current_consents(ctx.session, ctx.me.id)
    lines = [ctx.t("consent-overview-title")]
    keyboard: list[tuple[Button, ...]] = []
    for purpose in PURPOSES:
        granted = decisions.get(purpose)
        state = {True: "consent-state-yes", False: "consent-state-no", None: "consent-state-unset"}
        lines.append(ctx.t(state[granted], question=ctx.t(f"consent-{purpose}")))
        if granted:
            label = ctx.t("consent-withdraw", question=ctx.t(f"consent-{purpose}-short"))
            keyboard.append((buttons.button(label, "cset", purpose, "n"),))
        else:
            label = ctx.t("consent-give", question=ctx.t(f"consent-{purpose}-short"))
            keyboard.append((buttons.button(label, "cset", purpose, "y"),))
    lines.append(ctx.t("consent-overview-footer", version=POLICY_VERSION))
    return Reply("\n\n".join(lines), tuple(keyboard), edit=edit)


@router.command("consent")
async def consent_command(ctx: Ctx) -> Outcome:
    return Outcome((await overview(ctx, edit=False),))


@router.button("cset", args=CHOICE)
async def change_consent(ctx: Ctx, purpose: str, answer: str) -> Outcome:
    granted = answer == "y"
    decisions = await current_consents(ctx.session, ctx.me.id)
    note = ""
    if decisions.get(purpose) is not granted:
        await record(ctx, purpose, granted)
        if not granted:  # what only this consent allowed goes now, not at some later sweep
            note = await withdrawal_note(ctx, purpose)
    toast = "consent-toast-given" if granted else "consent-toast-withdrawn"
    replies = (await overview(ctx, edit=True), *((Reply(note),) if note else ()))
    return Outcome(replies, toast=ctx.t(toast))

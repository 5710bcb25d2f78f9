"""Joining: ``/start <invite>``, language, (consent lives in ``handlers.consent``), code of
conduct. The profile steps that follow live in ``handlers.profile``."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core import Outcome, Reply, Rows, in_place
from bot.i18n import LANGUAGES, supported
from handlers import buttons
from handlers.consent import PURPOSES, consent_step
from handlers.context import Ctx
from handlers.guards import Choice
from handlers.roles import FACILITATOR, PARTICIPANT
from handlers.router import Router
from storage import exchanges, participants

LANGUAGE_STEP = "onb:language"
COC_STEP = "onb:coc"
FIRST_PROFILE_STEP = "onb:region"
# What our invite codes can look like; anything else is refused before touching the database.
INVITE_SHAPE = re.compile(r"[A-Za-z0-9_-]{4,32}")

router = Router()


@router.command("start", public=True)
async def start(ctx: Ctx) -> Outcome:
    code = ctx.inbound.args.split(maxsplit=1)[0] if ctx.inbound.args else ""
    if ctx.participant is not None:
        return await _welcome_back(ctx, code)
    if not code:
        return Outcome((Reply(ctx.t("join-how") + (ctx.t("join-how-admin") if ctx.is_admin
                                                   else "")),))
    invite = await exchanges.live_invite(ctx.session, code) if INVITE_SHAPE.fullmatch(code) \
        else None
    if invite is None:
        return Outcome((Reply(ctx.t("join-invalid")),))
    await exchanges.count_use(ctx.session, invite)
    language = supported(ctx.inbound.language_code) or ctx.lang
    ctx.participant = await participants.create(
        ctx.session, ctx.inbound.user_id, language=language, cohort_id=invite.cohort_id,
        role=invite.role, step=LANGUAGE_STEP, now=ctx.now())
    ctx.use_language(language)
    return Outcome(tuple(await ctx.current_prompt()))


async def _welcome_back(ctx: Ctx, code: str) -> Outcome:
    me = ctx.me
    if code and INVITE_SHAPE.fullmatch(code):
        invite = await exchanges.live_invite(ctx.session, code)
        if invite is not None and me.cohort_id in (None, invite.cohort_id):
            await exchanges.count_use(ctx.session, invite)
            me.cohort_id = invite.cohort_id
            if invite.role == FACILITATOR and me.role == PARTICIPANT:
                me.role = FACILITATOR  # a facilitator's invite promotes a member
                return Outcome((Reply(ctx.t("join-now-facilitator")),
                                *await ctx.current_prompt()))
        elif invite is not None and invite.cohort_id != me.cohort_id:
            # One cohort per person; moving people is a coordinator's decision.
            return Outcome((Reply(ctx.t("join-already-member")), *await ctx.current_prompt()))
    return Outcome((Reply(ctx.t("welcome-back")), *await ctx.current_prompt()))


# -- language ------------------------------------------------------------------------------
def language_keyboard(ctx: Ctx) -> Rows:
    def label(lang: str) -> str:
        name = ctx.deps.translator.format(lang, "language-name")
        return f"✓ {name}" if lang == ctx.lang else name

    return buttons.rows(buttons.button(label(lang), "lang", lang) for lang in LANGUAGES)


@router.prompt(LANGUAGE_STEP)
async def language_prompt(ctx: Ctx) -> Sequence[Reply]:
    exchange_name = ""
    if ctx.me.cohort_id is not None:
        found = await exchanges.cohort_with_exchange(ctx.session, ctx.me.cohort_id)
        exchange_name = found[1].name if found else ""
    return [Reply(ctx.t("onb-language", exchange=exchange_name), language_keyboard(ctx))]


@router.command("language")
async def language_command(ctx: Ctx) -> Outcome:
    return Outcome((Reply(ctx.t("language-choose"), language_keyboard(ctx)),))


@router.button("lang", args=(Choice(*LANGUAGES),))
async def choose_language(ctx: Ctx, language: str) -> Outcome:
    ctx.me.language = language
    ctx.use_language(language)
    if ctx.me.step == LANGUAGE_STEP:
        ctx.go(consent_step(PURPOSES[0]))
    # Whatever the person was doing, show it again, now in the chosen language.
    return Outcome(in_place(await ctx.current_prompt()), toast=ctx.t("language-set"))


# -- code of conduct -----------------------------------------------------------------------
def coc_keyboard(ctx: Ctx) -> Rows:
    return ((buttons.button(ctx.t("coc-accept"), "coc", "yes"),),
            (buttons.button(ctx.t("coc-decline"), "coc", "no"),))


@router.prompt(COC_STEP)
async def coc_prompt(ctx: Ctx) -> Sequence[Reply]:
    return [Reply(ctx.t("coc-text"), coc_keyboard(ctx))]


@router.button("coc", step=COC_STEP, args=(Choice("yes", "no"),))
async def answer_coc(ctx: Ctx, answer: str) -> Outcome:
    if answer == "no":
        return Outcome((Reply(ctx.t("coc-declined"), coc_keyboard(ctx), edit=True),))
    ctx.me.coc_accepted_at = ctx.now()
    ctx.go(FIRST_PROFILE_STEP)
    return Outcome(in_place(await ctx.current_prompt()), toast=ctx.t("coc-accepted"))

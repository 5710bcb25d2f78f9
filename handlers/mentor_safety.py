"""The choices either person has about their mentoring pairing, each after a confirmation:
share Telegram accounts (each gets the other's link only once both chose to), end the
pairing, or report a problem to the safety contacts (never with anything that was said).
The conversation itself is ``handlers.mentor``.
"""

from __future__ import annotations

import html
import logging
import uuid

from bot.core import Button, Outcome, Reply
from handlers import buttons
from handlers.context import Ctx, StaleButton
from handlers.guards import Choice
from handlers.mentor import (
    TALK_STEP,
    menu_row,
    other_side,
    own_pairing,
    talk_reply,
    talk_to,
    tg_link,
)
from handlers.menu import main_menu
from handlers.router import Router
from storage import exchanges, mentorship, outbox
from storage.mentorship import ACTIVE, MENTOR
from storage.models import Pairing, Participant

log = logging.getLogger(__name__)

router = Router()


# -- sharing Telegram accounts ---------------------------------------------------------------
@router.button("mtv", args=(int, Choice("ask", "yes", "undo")))
async def reveal_button(ctx: Ctx, pairing_id: int, answer: str) -> Outcome:
    pairing, side = await own_pairing(ctx, pairing_id)
    other = other_side(side)
    mine = pairing.mentor_reveals if side == MENTOR else pairing.mentee_reveals
    theirs = pairing.mentee_reveals if side == MENTOR else pairing.mentor_reveals
    pid = str(pairing.id)
    if mine and theirs:
        raise StaleButton  # shared both ways already: nothing to change
    if answer == "ask":
        keyboard = ((buttons.button(ctx.t("mt-reveal-yes"), "mtv", pid, "yes"),
                     buttons.button(ctx.t("mt-cancel"), "mtw", pid, "e")),)
        return Outcome((Reply(ctx.t(f"mt-reveal-ask-{other}"), keyboard, edit=True),))
    if answer == "undo":
        if not mine:
            raise StaleButton
        _set_reveal(pairing, side, value=False)
        talk_to(ctx, pairing.id)
        return Outcome((await talk_reply(ctx, pairing, side, edit=True),))
    if mine:
        raise StaleButton
    _set_reveal(pairing, side, value=True)
    person = await mentorship.partner(ctx.session, pairing, ctx.me.id)
    if person is not None:
        await ctx.enqueue([_reveal_notice(ctx, pairing, side, person, both=theirs)])
    log.info("mentor_reveal pairing=%s side=%s both=%s", pairing.id, side, theirs)
    talk_to(ctx, pairing.id)
    return Outcome((await talk_reply(ctx, pairing, side, edit=True),))


def _set_reveal(pairing: Pairing, side: str, *, value: bool) -> None:
    if side == MENTOR:
        pairing.mentor_reveals = value
    else:
        pairing.mentee_reveals = value


def _reveal_notice(ctx: Ctx, pairing: Pairing, side: str, person: Participant, *,
                   both: bool) -> outbox.NewMessage:
    """To the other person: the link to this one's account once both shared; before that,
    that this one would like to share (once per pairing, however often they change their
    mind)."""
    tr = ctx.deps.translator
    lang = person.language
    if both:
        text = (html.escape(tr.format(lang, f"mt-revealed-by-{side}")) + "\n\n"
                + tg_link(ctx.me.telegram_id, tr.format(lang, f"mt-link-{side}")))
        return outbox.NewMessage(key=f"mtk:{pairing.id}:{person.id}",
                                 chat_id=person.telegram_id, participant_id=person.id,
                                 text=text, html=True, lane=outbox.PERSONAL)
    share = buttons.button(tr.format(lang, "mt-reveal"), "mtv", str(pairing.id), "ask")
    return outbox.NewMessage(key=f"mtv:{pairing.id}:{person.id}", chat_id=person.telegram_id,
                             participant_id=person.id,
                             text=tr.format(lang, f"mt-reveal-offered-{side}"),
                             buttons=((share,),), lane=outbox.PERSONAL)


# -- ending ------------------------------------------------------------------------------------
@router.button("mte", args=(int, Choice("ask", "yes")))
async def end_button(ctx: Ctx, pairing_id: int, answer: str) -> Outcome:
    pairing, side = await own_pairing(ctx, pairing_id)
    pid = str(pairing.id)
    if answer == "ask":
        keyboard = ((buttons.button(ctx.t("mt-end-yes"), "mte", pid, "yes"),
                     buttons.button(ctx.t("mt-cancel"), "mtw", pid, "e")),)
        return Outcome((Reply(ctx.t("mt-end-ask"), keyboard, edit=True),))
    mentorship.end(pairing, ctx.now())
    await mentorship.forget_relayed(ctx.session, pairing.id)
    if ctx.me.step == TALK_STEP:
        talk_to(ctx, None)  # the menu comes next: no conversation stays open behind it
    person = await mentorship.partner(ctx.session, pairing, ctx.me.id)
    if person is not None:
        tr = ctx.deps.translator
        report = buttons.button(tr.format(person.language, "mt-report"), "mtx", pid, "ask")
        await ctx.enqueue([outbox.NewMessage(
            key=f"mte:{pairing.id}", chat_id=person.telegram_id, participant_id=person.id,
            text=tr.format(person.language, f"mt-ended-by-{side}"), buttons=((report,),),
            lane=outbox.PERSONAL)])
    log.info("mentor_end pairing=%s by=%s", pairing.id, side)
    report_row = ((buttons.button(ctx.t("mt-report"), "mtx", pid, "ask"),),)
    return Outcome((Reply(ctx.t("mt-ended-you"), report_row, edit=True), main_menu(ctx)))


# -- reporting a problem ---------------------------------------------------------------------
@router.button("mtx", args=(int, Choice("ask", "yes")))
async def report_button(ctx: Ctx, pairing_id: int, answer: str) -> Outcome:
    """Open on an ended pairing too: a problem may be why it ended."""
    pairing, side = await own_pairing(ctx, pairing_id, active=False)
    pid = str(pairing.id)
    back = (buttons.button(ctx.t("mt-cancel"), "mtw", pid, "e") if pairing.status == ACTIVE
            else buttons.button(ctx.t("mt-menu"), "mtq"))
    if answer == "ask":
        keyboard = ((buttons.button(ctx.t("mt-report-yes"), "mtx", pid, "yes"), back),)
        return Outcome((Reply(ctx.t("mt-report-ask"), keyboard, edit=True),))
    told = await _alert(ctx, pairing, side)
    log.info("mentor_report pairing=%s by=%s alerted=%d", pairing.id, side, told)
    rows: list[tuple[Button, ...]] = []
    if pairing.status == ACTIVE:
        rows.append((buttons.button(ctx.t("mt-end"), "mte", pid, "ask"),))
        rows.append((buttons.button(ctx.t("mt-back-to-talk"), "mtw", pid, "e"),))
    else:
        rows.append(menu_row(ctx))
    return Outcome((Reply(ctx.t("mt-report-done" if told else "mt-report-nobody"), tuple(rows),
                          edit=True),))


async def _alert(ctx: Ctx, pairing: Pairing, side: str) -> int:
    """Tell the safety contacts: the pairing's number, and who reported (with a way to write
    to them); never anything that was said. Neither person in the pairing is told, even if
    they hold a role: the report may be about them."""
    cohort = (await exchanges.get_cohort(ctx.session, pairing.cohort_id) if pairing.cohort_id
              else None)
    contacts = await mentorship.safety_contacts(ctx.session, cohort) if cohort else []
    parties = {pairing.mentor_id, pairing.mentee_id}
    recipients: dict[int, tuple[int | None, str]] = {}  # Telegram id → (participant, language)
    for person in contacts:
        if person.id not in parties and person.blocked_at is None:
            recipients[person.telegram_id] = (person.id, person.language)
    party_ids = await mentorship.telegram_ids(ctx.session, parties)
    for admin_id in sorted(ctx.deps.admin_ids - party_ids):  # bootstrap coordinators
        recipients.setdefault(admin_id, (None, "en"))
    tr = ctx.deps.translator
    report = uuid.uuid4().hex[:16]
    cohort_name = cohort.name if cohort else "-"
    messages = [outbox.NewMessage(
        key=f"mtx:{pairing.id}:{report}:{telegram_id}", chat_id=telegram_id,
        participant_id=participant_id, html=True, lane=outbox.URGENT,
        text=html.escape(tr.format(lang, f"mt-alert-by-{side}", {
            "pair": str(pairing.id), "cohort": cohort_name, "person": str(ctx.me.id)}))
        + "\n\n" + tg_link(ctx.me.telegram_id, tr.format(lang, "mt-alert-write")))
        for telegram_id, (participant_id, lang) in recipients.items()]
    await ctx.enqueue(messages)
    return len(messages)

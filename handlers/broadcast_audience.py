"""Who a broadcast reaches, what each recipient sees, and the answer they give with its
reply buttons.

The audience is a cohort, or a segment of it (``all`` or ``<field>=<value>``: a track, a
region, a language), minus the sender and minus whoever withdrew the follow-up consent or
blocked the bot. :func:`fan_out` turns a broadcast into one outbox message per recipient,
each in the recipient's language; the conversation (:mod:`handlers.broadcast`) calls it on
confirming, :mod:`handlers.broadcast_jobs` when a scheduled one is due."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.core import Outcome, Reply, Rows
from bot.i18n import DEFAULT_LANGUAGE, Translator
from bot.local_time import REGIONS
from handlers import buttons
from handlers.context import Ctx, ForgedButton
from handlers.guards import Matching
from handlers.router import Router
from storage import broadcasts, consents, exchanges, outbox, participants
from storage.models import Broadcast, Participant

SEGMENT_FIELDS = ("track", "region", "language")
# A segment as a button carries it: everyone, or one field's value.
SEGMENT = Matching(re.compile(rf"all|(?:{'|'.join(SEGMENT_FIELDS)})=.+"))
FOLLOWUP = "followup"  # the consent a broadcast needs

router = Router()


# -- who ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Audience:
    recipients: list[Participant]
    skipped_consent: int
    skipped_blocked: int


def _matches(person: Participant, segment: str) -> bool:
    if segment == "all":
        return True
    field, _, value = segment.partition("=")
    return field in SEGMENT_FIELDS and getattr(person, f"{field}_id" if field == "track"
                                               else field) == value


def segment_value(person: Participant, field: str) -> str | None:
    """A person's track, region or language: what a segment by ``field`` compares."""
    value = person.track_id if field == "track" else getattr(person, field)
    return value if isinstance(value, str) else None


def value_label(ctx: Ctx, field: str, value: str) -> str:
    """What staff read for a segment's value: "Asia-Pacific", "Español", a track's title;
    the stored code only for something no longer known."""
    if field == "region" and value in REGIONS:
        return ctx.t(f"region-{value}")
    if field == "language":
        return ctx.deps.translator.language_name(value)
    track = ctx.deps.content.track(value) if field == "track" else None
    if track is not None:
        return track.titles.get(ctx.lang) or track.titles.get(DEFAULT_LANGUAGE) or value
    return value


async def audience(session: AsyncSession, cohort_id: int, segment: str,
                   sender_telegram_id: int) -> Audience:
    """Who gets it: the segment's members, minus the sender, minus people who withdrew the
    follow-up consent or blocked the bot (those are counted)."""
    members = [m for m in await exchanges.members(session, cohort_id)
               if m.telegram_id != sender_telegram_id and _matches(m, segment)]
    allowed = await consents.granted_in_cohort(session, cohort_id, FOLLOWUP)
    recipients, no_consent, blocked = [], 0, 0
    for member in members:
        if member.id not in allowed:
            no_consent += 1
        elif member.blocked_at is not None:
            blocked += 1
        else:
            recipients.append(member)
    return Audience(recipients, no_consent, blocked)


# -- what they see -------------------------------------------------------------------------
def segment_label(ctx: Ctx, segment: str) -> str:
    """Who a broadcast is for, in words: "everyone", "Region: Asia & Pacific"."""
    if segment == "all":
        return ctx.t("bc-segment-all")
    field, _, value = segment.partition("=")
    return ctx.t("bc-segment", field=ctx.t(f"bc-by-{field}"),
                 value=value_label(ctx, field, value))


def render(translator: Translator, lang: str, text: str, *, is_html: bool,
           sender: str | None) -> str:
    """What a recipient sees: who it is from, then the text as the sender wrote it."""
    who = sender or translator.format(lang, "bc-from-staff")
    head = translator.format(lang, "bc-from", {"sender": html.escape(who) if is_html else who})
    return f"{head}\n\n{text}"


async def fan_out(session: AsyncSession, translator: Translator, item: Broadcast,
                  now: datetime) -> list[outbox.NewMessage]:
    """One outbox message per recipient, each in the recipient's language; the audience is
    taken now (for a scheduled prompt: when it is due, so later consent changes count)."""
    found = await audience(session, item.cohort_id, item.segment, item.sender_id)
    sender = await participants.get(session, item.sender_id)
    alias = sender.alias if sender else None
    keyboard = answer_rows(item, None)
    item.total = len(found.recipients)
    item.skipped_consent, item.skipped_blocked = found.skipped_consent, found.skipped_blocked
    cohort = await exchanges.get_cohort(session, item.cohort_id)
    return [outbox.NewMessage(
        key=f"bc:{item.id}:{person.id}", chat_id=person.telegram_id, participant_id=person.id,
        broadcast_id=item.id, html=item.html, buttons=keyboard, lane=outbox.BULK,
        exchange_id=cohort.exchange_id if cohort else None,
        text=render(translator, person.language, item.text, is_html=item.html, sender=alias))
        for person in found.recipients]


def answer_rows(item: Broadcast, chosen: int | None) -> Rows:
    """A prompt's reply buttons, one per row; the ``chosen`` one ticked."""
    return tuple((buttons.button(("✓ " if i == chosen else "") + option, "ba", str(item.id),
                                 str(i)),)
                 for i, option in enumerate(item.options))


# -- recipients' answers ---------------------------------------------------------------------
@router.button("ba", args=(int, int))
async def answer(ctx: Ctx, broadcast_id: int, choice: int) -> Outcome:
    item = await broadcasts.get(ctx.session, broadcast_id)
    if item is None or choice >= len(item.options) or not await broadcasts.was_sent_to(
            ctx.session, item.id, ctx.me.id):
        raise ForgedButton
    await broadcasts.record_answer(ctx.session, item.id, ctx.me.id, choice, ctx.now())
    sender = await participants.get(ctx.session, item.sender_id) \
        if item.sender_id != ctx.me.telegram_id else ctx.me
    text = render(ctx.deps.translator, ctx.lang, item.text, is_html=item.html,
                  sender=sender.alias if sender else None)
    return Outcome((Reply(text, answer_rows(item, choice), edit=True, html=item.html),),
                   toast=ctx.t("bc-answer-thanks", answer=item.options[choice]))

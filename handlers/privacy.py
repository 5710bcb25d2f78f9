"""``/mydata``: a short summary of what the bot stores about the person, and all of it on
request as two files (``handlers.mydata_export``): one to read, one for tools. ``/forget``:
erasure for real, after one confirmation. And the note a
consent withdrawal gets, saying what was deleted at once (``handlers.consent`` asks for it).

Both commands answer people who never joined too: a refused admin command is audited under
their Telegram id, so even a stranger may have something to see or erase.
"""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime, timedelta

from bot.core import Document, Outcome, Reply
from handlers import buttons, drafts, mydata_export
from handlers.context import Ctx
from handlers.guards import Int
from handlers.router import Router
from storage import erasure, mentorship, mydata, outbox
from storage.models import Participant

log = logging.getLogger(__name__)

# A confirmation tapped long after it was asked for is more likely a stray tap than a choice.
CONFIRM_WINDOW = timedelta(minutes=15)

router = Router()


# -- /mydata ---------------------------------------------------------------------------------
def _filled(row: dict[str, object]) -> int:
    return sum(1 for value in row.values() if value not in (None, "", {}, []))


@router.command("mydata", public=True)
async def mydata_command(ctx: Ctx) -> Outcome:
    participant_id = ctx.participant.id if ctx.participant else None
    found = await mydata.collect(ctx.session, participant_id, ctx.inbound.user_id)
    if not found:
        return Outcome((Reply(ctx.t("privacy-nothing")),))
    lines = [ctx.t("privacy-summary-title")]
    for table, rows in found.items():
        kind = mydata_export.kind(ctx.t, table)
        count = _filled(rows[0]) if table == mydata.PARTICIPANTS else len(rows)
        purpose = erasure.KEPT_UNDER_CONSENT.get(table)
        if purpose is None:
            lines.append(ctx.t("privacy-summary-line", kind=kind, count=count))
        else:
            lines.append(ctx.t("privacy-summary-line-kept", kind=kind, count=count,
                               consent=ctx.t(f"consent-{purpose}-short")))
    text = "\n".join(lines) + "\n\n" + ctx.t("privacy-summary-footer")
    keyboard = ((buttons.button(ctx.t("privacy-download"), "pvd"),),)
    return Outcome((Reply(text, keyboard),))


@router.button("pvd", public=True, args=())
async def download(ctx: Ctx) -> Outcome:
    """Two files: one to read, in the person's language and zone; one for tools."""
    participant_id = ctx.participant.id if ctx.participant else None
    found = await mydata.collect(ctx.session, participant_id, ctx.inbound.user_id)
    now, stem = ctx.now(), f"my-data-{ctx.now():%Y%m%d}"  # a file name: machine order
    readable = mydata_export.as_text(ctx, found)
    data = mydata_export.as_json(ctx.t, found, telegram_id=ctx.inbound.user_id, now=now,
                                 lang=ctx.lang)
    replies = tuple(Reply("", document=Document(name, body, ctx.t(caption)))
                    for name, body, caption in (
                        (f"{stem}.txt", readable, "privacy-file-caption-text"),
                        (f"{stem}.json", data, "privacy-file-caption-json")))
    log.info("mydata_sent tables=%d", len(found))
    return Outcome(replies, toast=ctx.t("privacy-file-sent"))


# -- /forget ---------------------------------------------------------------------------------
@router.command("forget", public=True)
async def forget_command(ctx: Ctx) -> Outcome:
    asked = str(int(ctx.now().timestamp()))
    keyboard = ((buttons.button(ctx.t("privacy-forget-yes"), "pvf", asked),),
                (buttons.button(ctx.t("privacy-forget-no"), "pvk"),))
    return Outcome((Reply(ctx.t("privacy-forget-warning"), keyboard),))


@router.button("pvk", public=True, args=())
async def keep(ctx: Ctx) -> Outcome:
    return Outcome((Reply(ctx.t("privacy-forget-kept"), edit=True),))


@router.button("pvf", public=True, args=(Int(digits=12),))  # when it was asked, in seconds
async def forget_confirmed(ctx: Ctx, asked: int) -> Outcome:
    if not timedelta(0) <= ctx.now() - datetime.fromtimestamp(asked, UTC) <= CONFIRM_WINDOW:
        return Outcome((Reply(ctx.t("privacy-forget-expired"), edit=True),))
    partners = await _partners(ctx)
    await erasure.forget(ctx.session, ctx.participant, ctx.inbound.user_id,
                         keep_update=ctx.inbound.update_id)
    ctx.participant = None  # a stranger from here on, in this very update too
    await ctx.enqueue([outbox.NewMessage(
        key=f"pv-end:{uuid.uuid4().hex[:24]}", chat_id=person.telegram_id,
        participant_id=person.id,
        text=ctx.deps.translator.format(person.language, "privacy-pairing-ended"),
        lane=outbox.PERSONAL) for person in partners])
    log.info("person_forgotten partners_told=%d", len(partners))  # no id: that is the point
    return Outcome((Reply(ctx.t("privacy-forgotten"), edit=True),))


async def _partners(ctx: Ctx) -> list[Participant]:
    """The other side of each active mentoring pairing: the pairing ends with this person."""
    if ctx.participant is None:
        return []
    found = []
    for pairing in await mentorship.pairings_of(ctx.session, ctx.participant.id):
        person = await mentorship.partner(ctx.session, pairing, ctx.participant.id)
        if person is not None and person.blocked_at is None:
            found.append(person)
    return found


# -- consent withdrawal ----------------------------------------------------------------------
async def withdrawal_note(ctx: Ctx, purpose: str) -> str:
    """Delete at once what only this consent allowed; returns what to tell the person
    ("" when the bot stores nothing under it)."""
    me = ctx.me
    if purpose == "progress":
        deleted = await erasure.withdraw_progress(ctx.session, me.id)
        # A commitment being written waits in the step data: it goes too.
        drafts.PLAN_DRAFT.drop(ctx)
        # What /continue would open, and the track: the flows that stand on them explain
        # themselves from here on (handlers.learning, handlers.plan).
        me.current_module = me.track_id = None
        note = ctx.t("privacy-withdrawn-progress", modules=deleted.modules,
                     quiz=deleted.card_answers, reflections=deleted.reflections,
                     commitments=deleted.commitments, answers=deleted.checkin_answers,
                     notes=deleted.notes)
        # A story is kept only with both consents: without storage, it goes too.
        stories = await erasure.withdraw_stories(ctx.session, me.id)
        if stories:
            note += "\n" + ctx.t("privacy-withdrawn-stories", stories=stories)
        return note
    if purpose == "stories":
        return ctx.t("privacy-withdrawn-stories",
                     stories=await erasure.withdraw_stories(ctx.session, me.id))
    if purpose == "followup":
        return ctx.t("privacy-withdrawn-followup",
                     messages=await erasure.withdraw_followup(ctx.session, me.id))
    return ""

"""Proposing to the knowledge hub.

``/submit`` proposes a story or after-action review: one's own, or, for a facilitator or
coordinator, a participant's (``/submit <telegram id>``), which the author is then asked to
agree to through the bot. Nothing reaches the hub without the author's yes and a
coordinator's approval (``/submissions``); authors are never named in it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core import MAX_TEXT, Button, Outcome, Reply, in_place
from bot.i18n import format_date
from handlers import buttons
from handlers.context import Ctx, ForgedButton, StaleButton
from handlers.drafts import Draft, Slot
from handlers.guards import Choice
from handlers.library import say, type_label
from handlers.menu import MENU_STEP
from handlers.roles import (
    COORDINATORS,
    ensure_staff_record,
    is_coordinator,
    is_staff,
    record,
    refuse,
)
from handlers.router import Router
from storage import library, outbox, participants
from storage.library import APPROVED, ASKING, AWAITING, DECLINED, KINDS
from storage.models import LibrarySubmission, Participant

# Button keys: the kind, send, cancel; the author's consent; a coordinator's verdict.
KIND, SEND, CANCEL, CONSENT, VERDICT = "lbk", "lbs", "lbx", "lbc", "lbv"
KIND_STEP, TITLE_STEP, TEXT_STEP, CONFIRM_STEP = "lb:kind", "lb:title", "lb:text", "lb:confirm"
SUBMIT_STEPS = (KIND_STEP, TITLE_STEP, TEXT_STEP, CONFIRM_STEP)
MIN_TITLE, MAX_TITLE = 3, 120
MIN_STORY, MAX_STORY = 20, 3000  # the preview and the author's consent question fit a message
TELEGRAM_ID = re.compile(r"\d{1,15}")

router = Router()


class SubmitDraft(Draft):
    """What is being proposed, and for whom (``who``: the Telegram id staff typed)."""

    author: int | None = None  # participant id
    who: str = ""
    kind: str | None = None
    title: str | None = None
    text: str | None = None


DRAFT = Slot("submit", SubmitDraft)


def _draft(ctx: Ctx) -> SubmitDraft:
    return DRAFT.load(ctx) or SubmitDraft()


def _on_behalf(ctx: Ctx) -> bool:
    return _draft(ctx).author != ctx.me.id


async def _author_in_reach(ctx: Ctx, telegram_id: int) -> Participant | None:
    """Coordinators reach anyone; a facilitator only their own cohort. Out of reach looks
    the same as unknown, so nobody can probe who uses the bot."""
    if telegram_id == ctx.me.telegram_id:
        return ctx.me
    person = await participants.get(ctx.session, telegram_id)
    if person is None or person.onboarded_at is None:
        return None
    if is_coordinator(ctx) or (person.cohort_id is not None and
                               person.cohort_id == ctx.me.cohort_id):
        return person
    return None


@router.command("submit", public=True)  # public: an ADMIN_IDS coordinator may not have joined
async def submit_command(ctx: Ctx) -> Outcome:
    await ensure_staff_record(ctx)
    if ctx.participant is None:
        return await ctx.deps.router.fallbacks["not_joined"](ctx)
    if ctx.me.onboarded_at is None:
        return Outcome((Reply(ctx.t("menu-finish-setup")), *await ctx.current_prompt()))
    arg = ctx.inbound.args.strip()
    author: Participant | None = ctx.me
    if arg:
        if not is_staff(ctx):  # for someone else: staff only
            return await refuse(ctx, "submit", "staff-only")
        if not TELEGRAM_ID.fullmatch(arg):
            return say(ctx.t("library-submit-usage"))
        author = await _author_in_reach(ctx, int(arg))
        if author is None:
            await record(ctx, "submit", "invalid", arg)
            return say(ctx.t("library-author-unknown"))
    assert author is not None
    DRAFT.save(ctx, SubmitDraft(author=author.id, who=arg if author is not ctx.me else ""))
    ctx.go(KIND_STEP)
    return Outcome(tuple(await ctx.current_prompt()))


def _cancel_button(ctx: Ctx) -> tuple[Button, ...]:
    return (buttons.button(ctx.t("library-cancel"), CANCEL),)


@router.prompt(KIND_STEP)
async def kind_prompt(ctx: Ctx) -> Sequence[Reply]:
    who = _draft(ctx).who
    text = ctx.t("library-submit-kind")
    if who:
        text = ctx.t("library-submit-for", user=who) + "\n\n" + text
    kinds = tuple((buttons.button(type_label(ctx, k), KIND, k),) for k in KINDS)
    return [Reply(text, (*kinds, _cancel_button(ctx)))]


@router.prompt(TITLE_STEP)
async def title_prompt(ctx: Ctx) -> Sequence[Reply]:
    return [Reply(ctx.t("library-submit-title", max=MAX_TITLE), (_cancel_button(ctx),))]


@router.prompt(TEXT_STEP)
async def text_prompt(ctx: Ctx) -> Sequence[Reply]:
    return [Reply(ctx.t("library-submit-text", max=MAX_STORY), (_cancel_button(ctx),))]


@router.prompt(CONFIRM_STEP)
async def confirm_prompt(ctx: Ctx) -> Sequence[Reply]:
    draft = _draft(ctx)
    kind, title, text = draft.kind or "", draft.title or "", draft.text or ""
    behalf = _on_behalf(ctx)
    question = ctx.t("library-submit-confirm-behalf" if behalf else "library-submit-confirm")
    preview = f"{type_label(ctx, kind)} · {title}\n\n{text}\n\n{question}"
    send = buttons.button(ctx.t("library-ask-author" if behalf else "library-share"), SEND)
    return [Reply(preview, ((send,), _cancel_button(ctx)))]


def _step_replies(replies: Sequence[Reply], edit: bool) -> tuple[Reply, ...]:
    return in_place(replies, edit=edit)


async def _next(ctx: Ctx, step: str, draft: SubmitDraft, *, edit: bool) -> Outcome:
    DRAFT.save(ctx, draft)
    ctx.go(step)
    return Outcome(_step_replies(await ctx.current_prompt(), edit))


@router.button(KIND, step=KIND_STEP, args=(Choice(*KINDS),))
async def kind_button(ctx: Ctx, kind: str) -> Outcome:
    draft = _draft(ctx)
    draft.kind = kind
    return await _next(ctx, TITLE_STEP, draft, edit=True)


async def _again(ctx: Ctx, msg_id: str, **args: object) -> Outcome:
    """What was wrong, and the question again; the draft is kept."""
    [prompt] = await ctx.current_prompt()
    return Outcome((Reply(f"{ctx.t(msg_id, **args)}\n\n{prompt.text}", prompt.buttons),))


@router.text(TITLE_STEP, max_length=MAX_TEXT)
async def take_title(ctx: Ctx) -> Outcome:
    title = " ".join(ctx.inbound.text.split())  # a title is one line
    if not MIN_TITLE <= len(title) <= MAX_TITLE:
        return await _again(ctx, "library-title-length", min=MIN_TITLE, max=MAX_TITLE,
                            length=len(title))
    draft = _draft(ctx)
    draft.title = title
    return await _next(ctx, TEXT_STEP, draft, edit=False)


@router.text(TEXT_STEP, max_length=MAX_TEXT)
async def take_text(ctx: Ctx) -> Outcome:
    text = ctx.inbound.text.strip()
    if not MIN_STORY <= len(text) <= MAX_STORY:
        return await _again(ctx, "library-text-length", min=MIN_STORY, max=MAX_STORY,
                            length=len(text))
    draft = _draft(ctx)
    draft.text = text
    return await _next(ctx, CONFIRM_STEP, draft, edit=False)


@router.button(CANCEL, step=SUBMIT_STEPS, args=())
async def cancel_button(ctx: Ctx) -> Outcome:
    DRAFT.drop(ctx)  # the words go with the draft: nothing is kept
    ctx.go(MENU_STEP)
    return say(ctx.t("library-submit-cancelled"), edit=True)


@router.button(SEND, step=CONFIRM_STEP, args=())
async def send_button(ctx: Ctx) -> Outcome:
    draft = _draft(ctx)
    author_id, kind, title, text = draft.author, draft.kind, draft.title, draft.text
    if author_id is None or not kind or not title or not text:
        raise StaleButton
    DRAFT.drop(ctx)
    ctx.go(MENU_STEP)
    own = author_id == ctx.me.id
    author: Participant | None = ctx.me
    if not own:  # role and reach again: either may have changed since /submit
        if not is_staff(ctx):
            return await refuse(ctx, "submit", "staff-only")
        person = await library.participant(ctx.session, author_id)
        author = await _author_in_reach(ctx, person.telegram_id) if person else None
    if author is None:
        return say(ctx.t("library-author-unknown"), edit=True)
    row = await library.add(ctx.session, author_id=author.id,
                            submitted_by=ctx.me.telegram_id, kind=kind, title=title,
                            text=text, language=ctx.lang, status=AWAITING if own else ASKING,
                            now=ctx.now())
    if own:  # pressing "share" after reading the preview is the author's consent
        return say(ctx.t("library-submit-sent"), edit=True)
    await ctx.enqueue([_consent_question(ctx, row, author)])
    await record(ctx, "submit", "ok", str(row.id))
    return say(ctx.t("library-submit-asked"), edit=True)


def _consent_question(ctx: Ctx, row: LibrarySubmission, author: Participant
                      ) -> outbox.NewMessage:
    """The author sees every word before anything is shared, in their own language."""
    fmt = ctx.deps.translator.format
    lang = author.language
    text = fmt(lang, "library-consent-ask", {
        "kind": fmt(lang, f"library-type-{row.kind}"), "title": row.title, "text": row.text})
    answers = (buttons.button(fmt(lang, "library-consent-yes"), CONSENT, str(row.id), "y"),
               buttons.button(fmt(lang, "library-consent-no"), CONSENT, str(row.id), "n"))
    return outbox.NewMessage(key=f"lb-ask:{row.id}", chat_id=author.telegram_id,
                             participant_id=author.id, text=text, buttons=(answers,),
                             lane=outbox.PERSONAL)


async def _tell(ctx: Ctx, key: str, telegram_id: int, msg_id: str, **args: object) -> None:
    """A notice through the outbox, in the recipient's language when we know them."""
    person = await participants.get(ctx.session, telegram_id)
    lang = person.language if person is not None else "en"
    await ctx.enqueue([outbox.NewMessage(
        key=key, chat_id=telegram_id, participant_id=person.id if person else None,
        text=ctx.deps.translator.format(lang, msg_id, args), lane=outbox.PERSONAL)])


@router.button(CONSENT, args=(int, Choice("y", "n")))
async def consent_button(ctx: Ctx, row_id: int, answer: str) -> Outcome:
    row = await library.get(ctx.session, row_id)
    if row is None:
        raise StaleButton  # answered "no" already: the words are gone
    if row.author_id != ctx.me.id:
        raise ForgedButton
    if row.status != ASKING:
        raise StaleButton
    title, submitter = row.title, row.submitted_by
    if answer == "y":
        row.status = AWAITING
        await _tell(ctx, f"lb-yes:{row.id}", submitter, "library-consent-given", title=title)
        return say(ctx.t("library-consent-thanks"), edit=True)
    await _tell(ctx, f"lb-no:{row.id}", submitter, "library-consent-refused", title=title)
    await library.forget(ctx.session, row)
    return say(ctx.t("library-consent-deleted"), edit=True)


# -- reviewing --------------------------------------------------------------------------------
async def _review(ctx: Ctx, *, edit: bool, note: str = "") -> Reply:
    row, waiting = await library.next_awaiting(ctx.session)
    lines = [note] if note else []
    if row is None:
        return Reply("\n\n".join([*lines, ctx.t("library-review-none")]), edit=edit)
    lines.append(ctx.t("library-review-head", count=waiting, id=row.id,
                       kind=type_label(ctx, row.kind),
                       language=ctx.deps.translator.language_name(row.language),
                       date=format_date(ctx.lang, row.created_at, zone=ctx.zone)))
    lines.append(f"{row.title}\n\n{row.text}")
    ident = str(row.id)
    keyboard = ((buttons.button(ctx.t("library-approve"), VERDICT, ident, "a"),
                 buttons.button(ctx.t("library-decline"), VERDICT, ident, "d")),)
    return Reply("\n\n".join(lines), keyboard, edit=edit)


@router.command("submissions", role=COORDINATORS)
async def submissions_command(ctx: Ctx) -> Outcome:
    await record(ctx, "submissions", "ok")
    return Outcome((await _review(ctx, edit=False),))


def _publish_question(ctx: Ctx, row: LibrarySubmission) -> Reply:
    """Publishing cannot be taken back from those who downloaded it: asked once more."""
    ident = str(row.id)
    keyboard = ((buttons.button(ctx.t("library-publish-yes"), VERDICT, ident, "p"),),
                (buttons.button(ctx.t("library-publish-back"), VERDICT, ident, "b"),))
    return Reply(ctx.t("library-publish-ask", title=row.title), keyboard, edit=True)


# The role is checked on every press, not only on /submissions.
@router.button(VERDICT, role=COORDINATORS, action="lb-review",
               args=(int, Choice("a", "p", "b", "d")))
async def verdict_button(ctx: Ctx, row_id: int, verdict: str) -> Outcome:
    """``a`` asks before publishing, ``p`` publishes, ``b`` goes back, ``d`` declines."""
    row = await library.get(ctx.session, row_id)
    if row is None or row.status == ASKING:
        raise ForgedButton  # never shown to a coordinator
    if row.status != AWAITING:  # another coordinator decided meanwhile
        return Outcome((await _review(ctx, edit=True),), toast=ctx.t("library-review-already"))
    if verdict == "a":
        return Outcome((_publish_question(ctx, row),))
    if verdict == "b":
        return Outcome((await _review(ctx, edit=True),))
    approve = verdict == "p"
    library.decide(row, APPROVED if approve else DECLINED, ctx.now())
    await record(ctx, "lb-approve" if approve else "lb-decline", "ok", str(row.id))
    author = await library.participant(ctx.session, row.author_id) if row.author_id else None
    if author is not None:
        await _tell(ctx, f"lb-done:{row.id}", author.telegram_id,
                    "library-approved" if approve else "library-declined", title=row.title)
    note = ctx.t("library-review-approved" if approve else "library-review-declined",
                 title=row.title)
    return Outcome((await _review(ctx, edit=True, note=note),))

"""The knowledge hub.

``/library`` browses case studies, after-action reviews, checklists, templates, toolkits and
shared stories by type or by track (``/library <words>`` searches), each with its summary and
its size before anyone spends data on it, each sent as a small plain-text document.

``/submit`` proposes a story or after-action review: one's own, or, for a facilitator or
coordinator, a participant's (``/submit <telegram id>``), which the author is then asked to
agree to through the bot. Nothing reaches the hub without the author's yes and a
coordinator's approval (``/submissions``); authors are never named in it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.content import LIBRARY_TYPES, LibraryItem
from bot.core import MAX_TEXT, Button, Document, Outcome, Reply, in_place
from handlers import buttons
from handlers.context import Ctx, ForgedButton, StaleButton
from handlers.glossary import fold
from handlers.menu import MENU_STEP
from handlers.offline import size_label
from handlers.roles import is_coordinator, is_facilitator, record, refuse
from handlers.router import Router
from storage import library, outbox, participants
from storage.library import APPROVED, ASKING, AWAITING, DECLINED, KINDS
from storage.models import LibrarySubmission, Participant

# Button keys: the hub, its tracks, a list, a download; then submitting (kind, send, cancel),
# the author's consent, and a coordinator's verdict.
HOME, TRACKS, LIST, DOWNLOAD = "lb", "lbr", "lbl", "lbd"
KIND, SEND, CANCEL, CONSENT, VERDICT = "lbk", "lbs", "lbx", "lbc", "lbv"
PER_PAGE = 5
MAX_QUERY = 100
STORY_SUMMARY = 140  # characters of a shared story shown as its summary
KIND_STEP, TITLE_STEP, TEXT_STEP, CONFIRM_STEP = "lb:kind", "lb:title", "lb:text", "lb:confirm"
SUBMIT_STEPS = (KIND_STEP, TITLE_STEP, TEXT_STEP, CONFIRM_STEP)
DRAFT = "submit"  # under step_data: author (participant id), kind, title, text
MIN_TITLE, MAX_TITLE = 3, 120
MIN_STORY, MAX_STORY = 20, 3000  # the preview and the author's consent question fit a message
TELEGRAM_ID = re.compile(r"\d{1,15}")
NUMBER = re.compile(r"\d{1,9}")  # fits any integer column

router = Router()
Shelf = LibraryItem | LibrarySubmission


def _say(text: str, *, edit: bool = False) -> Outcome:
    return Outcome((Reply(text, edit=edit),))


def _type_label(ctx: Ctx, kind: str) -> str:
    return ctx.t(f"library-type-{kind}")


def _track_title(ctx: Ctx, track_id: str) -> str:
    track = ctx.deps.content.track(track_id)
    return (track.titles.get(ctx.lang) or track.titles["en"]) if track else track_id


# -- documents ------------------------------------------------------------------------------
def _document(ctx: Ctx, shelf: Shelf) -> Document:
    """The item as plain text, readable on any phone without a connection."""
    if isinstance(shelf, LibraryItem):
        text, fallback = shelf.text_for(ctx.lang)
        title = text.title + (" " + ctx.t("learn-in-english") if fallback else "")
        about = " · ".join([_type_label(ctx, shelf.type),
                            *(_track_title(ctx, t) for t in shelf.tracks)])
        about += "".join(f" #{tag}" for tag in shelf.tags)
        parts = [title, "=" * len(title), about, "", text.summary, "", text.body, ""]
        name, caption = f"{shelf.id}-{text.language}.txt", text.title
    else:
        shared = ctx.t("library-shared", date=f"{shelf.created_at:%Y-%m-%d}")
        parts = [shelf.title, "=" * len(shelf.title),
                 f"{_type_label(ctx, shelf.kind)} · {shared}", "", shelf.text, ""]
        name, caption = f"{shelf.kind}-{shelf.id}.txt", shelf.title
    return Document(name, "\n".join(parts).encode(),
                    caption=ctx.t("library-caption", title=caption))


@dataclass(frozen=True)
class Entry:
    """One line of a list: what it is, and what it costs to download."""

    data: tuple[str, str]  # the download button's arguments
    type: str
    title: str
    summary: str
    size: int


def _entry(ctx: Ctx, shelf: Shelf) -> Entry:
    size = len(_document(ctx, shelf).content)
    if isinstance(shelf, LibraryItem):
        text, fallback = shelf.text_for(ctx.lang)
        title = text.title + (" " + ctx.t("learn-in-english") if fallback else "")
        return Entry(("c", shelf.id), shelf.type, title, text.summary, size)
    flat = " ".join(shelf.text.split())
    summary = flat if len(flat) <= STORY_SUMMARY else flat[:STORY_SUMMARY - 1].rstrip() + "…"
    title = shelf.title + (f" ({shelf.language})" if shelf.language != ctx.lang else "")
    return Entry(("s", str(shelf.id)), shelf.kind, title, summary, size)


def _items(ctx: Ctx) -> list[LibraryItem]:
    return sorted(ctx.deps.content.library.values(),
                  key=lambda i: fold(i.text_for(ctx.lang)[0].title))


def _entries_reply(ctx: Ctx, head: str, shelves: Sequence[Shelf], *, first: int,
                   nav: Sequence[Button], edit: bool) -> Reply:
    entries = [_entry(ctx, s) for s in shelves]
    lines = [head] + [ctx.t("library-entry", number=first + n, title=e.title, summary=e.summary,
                            type=_type_label(ctx, e.type), size=size_label(e.size))
                      for n, e in enumerate(entries)]
    downloads = buttons.rows((buttons.button(
        ctx.t("library-download", number=first + n, size=size_label(e.size)), DOWNLOAD,
        *e.data) for n, e in enumerate(entries)), per_row=3)
    rows = [*downloads, *((tuple(nav),) if nav else ()),
            (buttons.button(ctx.t("library-back"), HOME),)]
    return Reply("\n\n".join(lines), tuple(rows), edit=edit)


# -- browsing ---------------------------------------------------------------------------------
async def _home(ctx: Ctx, *, edit: bool) -> Reply:
    counts = dict.fromkeys(LIBRARY_TYPES, 0)
    for item in ctx.deps.content.library.values():
        counts[item.type] += 1
    for kind, count in (await library.approved_counts(ctx.session)).items():
        counts[kind] = counts.get(kind, 0) + count
    kinds = [buttons.button(ctx.t(f"library-types-{kind}", count=count), LIST, f"t.{kind}",
                            "0") for kind, count in counts.items() if count]
    rows = [*buttons.rows(kinds), (buttons.button(ctx.t("library-by-track"), TRACKS),)]
    return Reply(ctx.t("library-home"), tuple(rows), edit=edit)


async def _shelves(ctx: Ctx, scope: str) -> tuple[str, list[Shelf]]:
    """A list's heading and what is on it; ``scope`` is ``t.<type>`` or ``k.<track>``."""
    kind, _, value = scope.partition(".")
    if kind == "t" and value in LIBRARY_TYPES:
        found: list[Shelf] = [i for i in _items(ctx) if i.type == value]
        if value in KINDS:
            found += await library.approved(ctx.session, value)
        return ctx.t(f"library-types-{value}", count=len(found)), found
    if kind == "k" and ctx.deps.content.track(value) is not None:
        return _track_title(ctx, value), [i for i in _items(ctx) if value in i.tracks]
    raise ForgedButton


@router.command("library")
async def library_command(ctx: Ctx) -> Outcome:
    query = ctx.inbound.args.strip()
    if not query:
        return Outcome((await _home(ctx, edit=False),))
    words = fold(query[:MAX_QUERY]).split()
    shelves: list[Shelf] = [*_items(ctx), *await library.approved(ctx.session)]
    found = [s for s in shelves if all(w in _haystack(ctx, s) for w in words)]
    if not found:
        return Outcome((Reply(ctx.t("library-none")), await _home(ctx, edit=False)))
    head = ctx.t("library-found", count=len(found))
    if len(found) > PER_PAGE:
        head += "\n" + ctx.t("library-found-more", shown=PER_PAGE)
    return Outcome((_entries_reply(ctx, head, found[:PER_PAGE], first=1, nav=(),
                                   edit=False),))


def _haystack(ctx: Ctx, shelf: Shelf) -> str:
    """What a search looks in: titles, summaries, tags, type and tracks, in the person's
    language and in English; a story's title and words."""
    if isinstance(shelf, LibrarySubmission):
        return fold(f"{shelf.title} {shelf.text} {_type_label(ctx, shelf.kind)}")
    texts = {shelf.text_for(lang)[0] for lang in (ctx.lang, "en")}
    words = [w for t in texts for w in (t.title, t.summary)]
    words += [*shelf.tags, _type_label(ctx, shelf.type),
              *(_track_title(ctx, t) for t in shelf.tracks)]
    return fold(" ".join(words))


@router.button(HOME)
async def home_button(ctx: Ctx, args: list[str]) -> Outcome:
    if args:
        raise ForgedButton
    return Outcome((await _home(ctx, edit=True),))


@router.button(TRACKS)
async def tracks_button(ctx: Ctx, args: list[str]) -> Outcome:
    if args:
        raise ForgedButton
    items = ctx.deps.content.library.values()
    rows = [(buttons.button(ctx.t("library-track", track=_track_title(ctx, t.id),
                                  count=sum(t.id in i.tracks for i in items)),
                            LIST, f"k.{t.id}", "0"),) for t in ctx.deps.content.tracks]
    rows.append((buttons.button(ctx.t("library-back"), HOME),))
    return Outcome((Reply(ctx.t("library-choose-track"), tuple(rows), edit=True),))


@router.button(LIST)
async def list_button(ctx: Ctx, args: list[str]) -> Outcome:
    if len(args) != 2 or not NUMBER.fullmatch(args[1]):
        raise ForgedButton
    head, found = await _shelves(ctx, args[0])
    page, pages = int(args[1]), max(1, -(-len(found) // PER_PAGE))
    if page >= pages:
        raise StaleButton  # a page of a list that has since shrunk
    if pages > 1:
        head = ctx.t("library-page", what=head, page=page + 1, pages=pages)
    nav = ([buttons.button("◀", LIST, args[0], str(page - 1))] if page else []) + \
        ([buttons.button("▶", LIST, args[0], str(page + 1))] if page + 1 < pages else [])
    if not found:
        head += "\n\n" + ctx.t("library-empty-list")
    shown = found[page * PER_PAGE:(page + 1) * PER_PAGE]
    return Outcome((_entries_reply(ctx, head, shown, first=page * PER_PAGE + 1, nav=nav,
                                   edit=True),))


@router.button(DOWNLOAD)
async def download_button(ctx: Ctx, args: list[str]) -> Outcome:
    shelf: Shelf | None = None
    if len(args) == 2 and args[0] == "c":
        shelf = ctx.deps.content.library.get(args[1])
    elif len(args) == 2 and args[0] == "s" and NUMBER.fullmatch(args[1]):
        row = await library.get(ctx.session, int(args[1]))
        shelf = row if row is not None and row.status == APPROVED else None  # never unpublished
    if shelf is None:
        raise ForgedButton
    document = _document(ctx, shelf)
    title = document.caption
    return Outcome((Reply(title, document=document),), toast=ctx.t("library-sent"))


# -- submitting -------------------------------------------------------------------------------
def _on_behalf(ctx: Ctx) -> bool:
    return ctx.draft(DRAFT).get("author") != ctx.me.id


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


@router.command("submit")
async def submit_command(ctx: Ctx) -> Outcome:
    if ctx.me.onboarded_at is None:
        return Outcome((Reply(ctx.t("menu-finish-setup")), *await ctx.current_prompt()))
    arg = ctx.inbound.args.strip()
    author: Participant | None = ctx.me
    if arg:
        if not (is_facilitator(ctx) or is_coordinator(ctx)):
            return await refuse(ctx, "submit", "staff-only")
        if not TELEGRAM_ID.fullmatch(arg):
            return _say(ctx.t("library-submit-usage"))
        author = await _author_in_reach(ctx, int(arg))
        if author is None:
            await record(ctx, "submit", "invalid", arg)
            return _say(ctx.t("library-author-unknown"))
    assert author is not None
    ctx.keep_draft(DRAFT, {"author": author.id, "who": arg if author is not ctx.me else ""})
    ctx.go(KIND_STEP)
    return Outcome(tuple(await ctx.current_prompt()))


def _cancel_button(ctx: Ctx) -> tuple[Button, ...]:
    return (buttons.button(ctx.t("library-cancel"), CANCEL),)


@router.prompt(KIND_STEP)
async def kind_prompt(ctx: Ctx) -> Sequence[Reply]:
    who = ctx.draft(DRAFT).get("who")
    text = ctx.t("library-submit-kind")
    if who:
        text = ctx.t("library-submit-for", user=str(who)) + "\n\n" + text
    kinds = tuple((buttons.button(_type_label(ctx, k), KIND, k),) for k in KINDS)
    return [Reply(text, (*kinds, _cancel_button(ctx)))]


@router.prompt(TITLE_STEP)
async def title_prompt(ctx: Ctx) -> Sequence[Reply]:
    return [Reply(ctx.t("library-submit-title", max=MAX_TITLE), (_cancel_button(ctx),))]


@router.prompt(TEXT_STEP)
async def text_prompt(ctx: Ctx) -> Sequence[Reply]:
    return [Reply(ctx.t("library-submit-text", max=MAX_STORY), (_cancel_button(ctx),))]


@router.prompt(CONFIRM_STEP)
async def confirm_prompt(ctx: Ctx) -> Sequence[Reply]:
    draft = ctx.draft(DRAFT)
    kind, title, text = (str(draft.get(k, "")) for k in ("kind", "title", "text"))
    behalf = _on_behalf(ctx)
    question = ctx.t("library-submit-confirm-behalf" if behalf else "library-submit-confirm")
    preview = f"{_type_label(ctx, kind)} · {title}\n\n{text}\n\n{question}"
    send = buttons.button(ctx.t("library-ask-author" if behalf else "library-share"), SEND)
    return [Reply(preview, ((send,), _cancel_button(ctx)))]


def _step_replies(replies: Sequence[Reply], edit: bool) -> tuple[Reply, ...]:
    return in_place(replies, edit=edit)


async def _next(ctx: Ctx, step: str, draft: dict[str, object], *, edit: bool) -> Outcome:
    ctx.keep_draft(DRAFT, draft)
    ctx.go(step)
    return Outcome(_step_replies(await ctx.current_prompt(), edit))


@router.button(KIND)
async def kind_button(ctx: Ctx, args: list[str]) -> Outcome:
    if len(args) != 1 or args[0] not in KINDS:
        raise ForgedButton
    if ctx.me.step != KIND_STEP:
        raise StaleButton
    return await _next(ctx, TITLE_STEP, {**ctx.draft(DRAFT), "kind": args[0]}, edit=True)


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
    return await _next(ctx, TEXT_STEP, {**ctx.draft(DRAFT), "title": title}, edit=False)


@router.text(TEXT_STEP, max_length=MAX_TEXT)
async def take_text(ctx: Ctx) -> Outcome:
    text = ctx.inbound.text.strip()
    if not MIN_STORY <= len(text) <= MAX_STORY:
        return await _again(ctx, "library-text-length", min=MIN_STORY, max=MAX_STORY,
                            length=len(text))
    return await _next(ctx, CONFIRM_STEP, {**ctx.draft(DRAFT), "text": text}, edit=False)


@router.button(CANCEL)
async def cancel_button(ctx: Ctx, args: list[str]) -> Outcome:
    if args:
        raise ForgedButton
    if ctx.me.step not in SUBMIT_STEPS:
        raise StaleButton
    ctx.keep_draft(DRAFT, None)  # the words go with the draft: nothing is kept
    ctx.go(MENU_STEP)
    return _say(ctx.t("library-submit-cancelled"), edit=True)


@router.button(SEND)
async def send_button(ctx: Ctx, args: list[str]) -> Outcome:
    if args:
        raise ForgedButton
    draft = ctx.draft(DRAFT)
    fields = [draft.get(k) for k in ("kind", "title", "text")]
    author_id = draft.get("author")
    if ctx.me.step != CONFIRM_STEP or not isinstance(author_id, int) or \
            not all(isinstance(f, str) and f for f in fields):
        raise StaleButton
    kind, title, text = (str(f) for f in fields)
    ctx.keep_draft(DRAFT, None)
    ctx.go(MENU_STEP)
    own = author_id == ctx.me.id
    author: Participant | None = ctx.me
    if not own:  # role and reach again: either may have changed since /submit
        if not (is_facilitator(ctx) or is_coordinator(ctx)):
            return await refuse(ctx, "submit", "staff-only")
        person = await library.participant(ctx.session, author_id)
        author = await _author_in_reach(ctx, person.telegram_id) if person else None
    if author is None:
        return _say(ctx.t("library-author-unknown"), edit=True)
    row = await library.add(ctx.session, author_id=author.id,
                            submitted_by=ctx.me.telegram_id, kind=kind, title=title,
                            text=text, language=ctx.lang, status=AWAITING if own else ASKING,
                            now=ctx.now())
    if own:  # pressing "share" after reading the preview is the author's consent
        return _say(ctx.t("library-submit-sent"), edit=True)
    await ctx.enqueue([_consent_question(ctx, row, author)])
    await record(ctx, "submit", "ok", str(row.id))
    return _say(ctx.t("library-submit-asked"), edit=True)


def _consent_question(ctx: Ctx, row: LibrarySubmission, author: Participant
                      ) -> outbox.NewMessage:
    """The author sees every word before anything is shared, in their own language."""
    fmt = ctx.deps.translator.format
    lang = author.language
    text = fmt(lang, "library-consent-ask", {
        "kind": fmt(lang, f"library-type-{row.kind}"), "title": row.title, "text": row.text})
    answers = ((fmt(lang, "library-consent-yes"), buttons.data(CONSENT, str(row.id), "y")),
               (fmt(lang, "library-consent-no"), buttons.data(CONSENT, str(row.id), "n")))
    return outbox.NewMessage(key=f"lb-ask:{row.id}", chat_id=author.telegram_id,
                             participant_id=author.id, text=text, buttons=(answers,))


async def _tell(ctx: Ctx, key: str, telegram_id: int, msg_id: str, **args: object) -> None:
    """A notice through the outbox, in the recipient's language when we know them."""
    person = await participants.get(ctx.session, telegram_id)
    lang = person.language if person is not None else "en"
    await ctx.enqueue([outbox.NewMessage(
        key=key, chat_id=telegram_id, participant_id=person.id if person else None,
        text=ctx.deps.translator.format(lang, msg_id, args))])


@router.button(CONSENT)
async def consent_button(ctx: Ctx, args: list[str]) -> Outcome:
    if len(args) != 2 or not NUMBER.fullmatch(args[0]) or args[1] not in ("y", "n"):
        raise ForgedButton
    row = await library.get(ctx.session, int(args[0]))
    if row is None:
        raise StaleButton  # answered "no" already: the words are gone
    if row.author_id != ctx.me.id:
        raise ForgedButton
    if row.status != ASKING:
        raise StaleButton
    title, submitter = row.title, row.submitted_by
    if args[1] == "y":
        row.status = AWAITING
        await _tell(ctx, f"lb-yes:{row.id}", submitter, "library-consent-given", title=title)
        return _say(ctx.t("library-consent-thanks"), edit=True)
    await _tell(ctx, f"lb-no:{row.id}", submitter, "library-consent-refused", title=title)
    await library.forget(ctx.session, row)
    return _say(ctx.t("library-consent-deleted"), edit=True)


# -- reviewing --------------------------------------------------------------------------------
async def _review(ctx: Ctx, *, edit: bool, note: str = "") -> Reply:
    row, waiting = await library.next_awaiting(ctx.session)
    lines = [note] if note else []
    if row is None:
        return Reply("\n\n".join([*lines, ctx.t("library-review-none")]), edit=edit)
    lines.append(ctx.t("library-review-head", count=waiting, id=row.id,
                       kind=_type_label(ctx, row.kind), language=row.language,
                       date=f"{row.created_at:%Y-%m-%d}"))
    lines.append(f"{row.title}\n\n{row.text}")
    ident = str(row.id)
    keyboard = ((buttons.button(ctx.t("library-approve"), VERDICT, ident, "a"),
                 buttons.button(ctx.t("library-decline"), VERDICT, ident, "d")),)
    return Reply("\n\n".join(lines), keyboard, edit=edit)


@router.command("submissions", public=True)
async def submissions_command(ctx: Ctx) -> Outcome:
    if not is_coordinator(ctx):
        return await refuse(ctx, "submissions")
    await record(ctx, "submissions", "ok")
    return Outcome((await _review(ctx, edit=False),))


@router.button(VERDICT, public=True)
async def verdict_button(ctx: Ctx, args: list[str]) -> Outcome:
    if len(args) != 2 or not NUMBER.fullmatch(args[0]) or args[1] not in ("a", "d"):
        raise ForgedButton
    if not is_coordinator(ctx):  # the role is checked on every press, not only on /submissions
        return await refuse(ctx, "lb-review", target=args[0])
    row = await library.get(ctx.session, int(args[0]))
    if row is None or row.status == ASKING:
        raise ForgedButton  # never shown to a coordinator
    if row.status != AWAITING:  # another coordinator decided meanwhile
        return Outcome((await _review(ctx, edit=True),), toast=ctx.t("library-review-already"))
    approve = args[1] == "a"
    library.decide(row, APPROVED if approve else DECLINED, ctx.now())
    await record(ctx, "lb-approve" if approve else "lb-decline", "ok", str(row.id))
    author = await library.participant(ctx.session, row.author_id) if row.author_id else None
    if author is not None:
        await _tell(ctx, f"lb-done:{row.id}", author.telegram_id,
                    "library-approved" if approve else "library-declined", title=row.title)
    note = ctx.t("library-review-approved" if approve else "library-review-declined",
                 title=row.title)
    return Outcome((await _review(ctx, edit=True, note=note),))

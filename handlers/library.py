"""The knowledge hub: ``/library`` browses case studies, after-action reviews, checklists,
templates, toolkits and shared stories by type or by track (``/library <words>`` searches),
each with its summary and its size before anyone spends data on it, each sent as a small
plain-text document. What people propose for it: :mod:`handlers.library_submit`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.content import LIBRARY_TYPES, LibraryItem
from bot.core import Button, Document, Outcome, Reply
from bot.i18n import format_date
from handlers import buttons
from handlers.context import Ctx, ForgedButton, StaleButton
from handlers.glossary import fold
from handlers.guards import Choice, Int
from handlers.offline import size_label
from handlers.router import Router
from storage import library
from storage.library import APPROVED, KINDS
from storage.models import LibrarySubmission

# Button keys: the hub, its tracks, a list, a download (submitting: handlers.library_submit).
HOME, TRACKS, LIST, DOWNLOAD = "lb", "lbr", "lbl", "lbd"
PER_PAGE = 5
ROW_ID = Int()  # a shared story's row
MAX_QUERY = 100
STORY_SUMMARY = 140  # characters of a shared story shown as its summary

router = Router()
Shelf = LibraryItem | LibrarySubmission


def say(text: str, *, edit: bool = False) -> Outcome:
    return Outcome((Reply(text, edit=edit),))


def type_label(ctx: Ctx, kind: str) -> str:
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
        about = " · ".join([type_label(ctx, shelf.type),
                            *(_track_title(ctx, t) for t in shelf.tracks)])
        about += "".join(f" #{tag}" for tag in shelf.tags)
        parts = [title, "=" * len(title), about, "", text.summary, "", text.body, ""]
        name, caption = f"{shelf.id}-{text.language}.txt", text.title
    else:
        day = format_date(ctx.lang, shelf.created_at, zone=ctx.zone)
        shared = ctx.t("library-shared", date=day)
        parts = [shelf.title, "=" * len(shelf.title),
                 f"{type_label(ctx, shelf.kind)} · {shared}", "", shelf.text, ""]
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
                            type=type_label(ctx, e.type), size=size_label(e.size))
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
        return fold(f"{shelf.title} {shelf.text} {type_label(ctx, shelf.kind)}")
    texts = {shelf.text_for(lang)[0] for lang in (ctx.lang, "en")}
    words = [w for t in texts for w in (t.title, t.summary)]
    words += [*shelf.tags, type_label(ctx, shelf.type),
              *(_track_title(ctx, t) for t in shelf.tracks)]
    return fold(" ".join(words))


@router.button(HOME, args=())
async def home_button(ctx: Ctx) -> Outcome:
    return Outcome((await _home(ctx, edit=True),))


@router.button(TRACKS, args=())
async def tracks_button(ctx: Ctx) -> Outcome:
    items = ctx.deps.content.library.values()
    rows = [(buttons.button(ctx.t("library-track", track=_track_title(ctx, t.id),
                                  count=sum(t.id in i.tracks for i in items)),
                            LIST, f"k.{t.id}", "0"),) for t in ctx.deps.content.tracks]
    rows.append((buttons.button(ctx.t("library-back"), HOME),))
    return Outcome((Reply(ctx.t("library-choose-track"), tuple(rows), edit=True),))


@router.button(LIST, args=(str, int))
async def list_button(ctx: Ctx, scope: str, page: int) -> Outcome:
    head, found = await _shelves(ctx, scope)
    pages = max(1, -(-len(found) // PER_PAGE))
    if page >= pages:
        raise StaleButton  # a page of a list that has since shrunk
    if pages > 1:
        head = ctx.t("library-page", what=head, page=page + 1, pages=pages)
    nav = ([buttons.button("◀", LIST, scope, str(page - 1))] if page else []) + \
        ([buttons.button("▶", LIST, scope, str(page + 1))] if page + 1 < pages else [])
    if not found:
        head += "\n\n" + ctx.t("library-empty-list")
    shown = found[page * PER_PAGE:(page + 1) * PER_PAGE]
    return Outcome((_entries_reply(ctx, head, shown, first=page * PER_PAGE + 1, nav=nav,
                                   edit=True),))


@router.button(DOWNLOAD, args=(Choice("c", "s"), str))
async def download_button(ctx: Ctx, kind: str, ref: str) -> Outcome:
    """``c``: an item of the content pack, by id; ``s``: a shared story, by row."""
    shelf: Shelf | None = None
    if kind == "c":
        shelf = ctx.deps.content.library.get(ref)
    else:
        row = await library.get(ctx.session, ROW_ID.parse(ref))
        shelf = row if row is not None and row.status == APPROVED else None  # never unpublished
    if shelf is None:
        raise ForgedButton
    document = _document(ctx, shelf)
    title = document.caption
    return Outcome((Reply(title, document=document),), toast=ctx.t("library-sent"))

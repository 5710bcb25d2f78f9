"""Translation files that translators' tools and Weblate read: gettext PO and XLIFF 1.1.

Each unit's id is the string id (PO ``msgctxt``, XLIFF ``id``), its source the English, its
target the translation (pre-filled for outdated strings and drafts, which are marked fuzzy, or
"needs review"), and a note says what the text is and how long it may be. translate-toolkit
does the reading and writing; it is imported here only, never when the bot starts.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from translate.storage import factory, po, xliff
from translate.storage.base import TranslationStore, TranslationUnit

FORMATS = {".po": "gettext PO", ".xlf": "XLIFF", ".xliff": "XLIFF"}
XLIFF_FILE = "exchange-bot"  # the <file original="…"> every unit sits in
XLIFF_DONE = (None, "translated", "signed-off", "final")  # any other state needs work


class CatalogueError(Exception):
    """The file cannot be read as a translation file of ours; the message says why."""


@dataclass(frozen=True)
class Entry:
    """A string sent to translators."""

    id: str
    source: str
    target: str = ""
    note: str = ""
    fuzzy: bool = False  # the target needs a look: the English changed, or it is a draft


@dataclass(frozen=True)
class Returned:
    """A string as it came back."""

    id: str
    source: str  # the English the translator saw
    target: str
    done: bool  # translated and not marked fuzzy / needs review


def write_catalogue(path: Path, language: str, entries: list[Entry]) -> None:
    store = _new_store(path, language)
    for entry in entries:
        if isinstance(store, xliff.xlifffile):
            unit = store.addsourceunit(entry.source, filename=XLIFF_FILE, createifmissing=True)
            unit.setid(entry.id)
        else:
            unit = store.addsourceunit(entry.source)
            unit.setcontext(entry.id)
        unit.addnote(entry.note, origin="developer")
        if entry.target:
            unit.target = entry.target
            _mark(unit, needs_review=entry.fuzzy)
    out = io.BytesIO()
    store.serialize(out)
    path.write_bytes(out.getvalue())


def _mark(unit: TranslationUnit, *, needs_review: bool) -> None:
    if not isinstance(unit, xliff.xliffunit):
        unit.markfuzzy(needs_review)  # PO: the "fuzzy" flag
    elif needs_review:
        unit.markreviewneeded(True)  # state="needs-review-translation"
    else:
        unit.markfuzzy(False)  # approved="yes", state="translated"


def _new_store(path: Path, language: str) -> TranslationStore:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise CatalogueError(f"{path.name}: use a .po, .xlf or .xliff file name")
    store: TranslationStore
    if suffix == ".po":
        store = po.pofile()
        # The header says what the file is to every PO tool; Weblate reads Language.
        store.updateheader(add=True, Project_Id_Version="exchange-bot content",
                           Content_Type="text/plain; charset=UTF-8")
    else:
        store = xliff.xlifffile()
        store.setsourcelanguage("en")
    store.settargetlanguage(language)
    return store


def read_catalogue(path: Path) -> tuple[str | None, list[Returned]]:
    """The file's target language (None when it does not say) and its strings."""
    if path.suffix.lower() not in FORMATS:
        raise CatalogueError(f"{path.name}: expected a .po, .xlf or .xliff file")
    try:
        store = factory.getobject(str(path))
    except FileNotFoundError as exc:
        raise CatalogueError(f"{path}: no such file") from exc
    except Exception as exc:  # the toolkit raises many kinds for a bad file
        raise CatalogueError(f"{path}: not a readable {FORMATS[path.suffix.lower()]} file "
                             f"({exc})") from exc
    language = store.gettargetlanguage() or None
    units = [u for u in store.unit_iter() if not u.isheader()]
    return language, [Returned(id=_string_id(u), source=str(u.source or ""),
                               target=str(u.target or "").strip(), done=_done(u))
                      for u in units]


def _done(unit: TranslationUnit) -> bool:
    if not isinstance(unit, xliff.xliffunit):
        return bool(unit.istranslated())  # a target, and no "fuzzy" flag
    # translate-toolkit counts an XLIFF target as fuzzy unless approved="yes", but most
    # editors only set state="translated" (or no state at all): go by the state instead.
    target = unit.getlanguageNode(lang=None, index=1)
    state = None if target is None else target.get("state")
    return bool(unit.target) and (unit.isapproved() or state in XLIFF_DONE)


def _string_id(unit: TranslationUnit) -> str:
    if isinstance(unit, xliff.xliffunit):
        return str(unit.getid()).rpartition("\x04")[2]  # after the <file> part
    return str(unit.getcontext() or "")

"""Reading a pack: each file through its schema, then into the frozen model, then the checks.

A file that fails its schema is named with every problem pydantic finds in it, and left out of
the checks between files (they would only repeat it); the other files are still read and
checked, so one run lists everything to fix.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from bot.content import checks
from bot.content.model import (
    Card,
    Choice,
    ContentPack,
    Glossary,
    ItemText,
    LibraryItem,
    Module,
    ModuleText,
    Step,
    Term,
    Track,
)
from bot.content.problems import ContentError, Problem, from_validation
from bot.content.schema import (
    ID,
    ID_RULE,
    ITEM_FIELDS,
    AnyCard,
    GlossaryFile,
    ItemTextFile,
    LibraryItemFile,
    Manifest,
    ModuleFile,
    QuizCard,
    ScenarioCard,
    TrackEntry,
    TracksFile,
)
from bot.i18n import DEFAULT_LANGUAGE

Schema = TypeVar("Schema", bound=BaseModel)


def check(root: Path) -> tuple[ContentPack, list[Problem]]:
    """Read the whole pack under ``root``; every problem found, not just the first."""
    problems: list[Problem] = []
    folders = sorted(p for p in (root / "modules").glob("*") if p.is_dir())
    modules = {m.id: m for f in folders if (m := _module(f, problems)) is not None}
    read = _parse(root / "tracks.toml", TracksFile, problems)
    # A tracks.toml with problems has them said; "in no track" would only repeat them.
    tracks = None if read is None else tuple(_track(t) for t in read.tracks)
    if tracks is not None:
        checks.tracks(tracks, {f.name for f in folders}, root / "tracks.toml", problems)
    glossary = _glossary(root / "glossary", problems)
    checks.links(modules, glossary, root, problems)
    library = _library(root / "library", None if tracks is None else {t.id for t in tracks},
                       problems)
    return ContentPack(tracks=tracks or (), modules=modules, glossary=glossary,
                       library=library), problems


def load(root: Path) -> ContentPack:
    """The pack under ``root``; :class:`ContentError` with every problem if it has any."""
    pack, problems = check(root)
    if problems:
        raise ContentError(problems)
    return pack


# -- files -------------------------------------------------------------------------------------
def _read(path: Path, problems: list[Problem]) -> dict[str, Any] | None:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(Problem(str(path), "file is missing"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        problems.append(Problem(str(path), f"not valid TOML: {exc}"))
    return None


def _valid(schema: type[Schema], raw: dict[str, Any], where: str,
           problems: list[Problem]) -> Schema | None:
    try:
        return schema.model_validate(raw)
    except ValidationError as exc:
        problems.extend(from_validation(exc, where, raw))
        return None


def _parse(path: Path, schema: type[Schema], problems: list[Problem]) -> Schema | None:
    raw = _read(path, problems)
    return None if raw is None else _valid(schema, raw, str(path), problems)


# -- modules -----------------------------------------------------------------------------------
def _module(folder: Path, problems: list[Problem]) -> Module | None:
    if not ID.fullmatch(folder.name):
        problems.append(Problem(str(folder), "folder name: " + ID_RULE))
    manifest = _parse(folder / "module.toml", Manifest, problems) or Manifest()
    texts: dict[str, ModuleText] = {}
    for language in checks.languages(manifest.translations, manifest.fallback,
                                     str(folder / "module.toml"), problems):
        read = _parse(folder / f"{language}.toml", ModuleFile, problems)
        if read is not None:
            texts[language] = ModuleText(language=language, title=read.title,
                                         summary=read.summary,
                                         cards=tuple(_card(c) for c in read.cards))
    checks.listed_files(folder, manifest.translations, "module", problems)
    english = texts.get(DEFAULT_LANGUAGE)
    if english is None:
        return None
    checks.module_structure(folder.name, english, str(folder / "en.toml"), problems)
    texts = {lang: _inherit_structure(text, english) for lang, text in texts.items()}
    checks.same_structure(folder, texts, problems)
    return Module(id=folder.name, texts=texts, fallback=manifest.fallback or DEFAULT_LANGUAGE)


def _card(read: AnyCard) -> Card:
    """The player's card: one shape for every kind, the fields a kind lacks left empty."""
    card = Card(id=read.id, kind=read.kind, text=read.text, terms=read.terms)
    if isinstance(read, QuizCard):
        return replace(card, tries=read.tries, choices=tuple(
            Choice(id=c.id, label=c.label, correct=c.correct, feedback=c.feedback)
            for c in read.choices))
    if isinstance(read, ScenarioCard):
        return replace(card, start=read.start, steps=tuple(
            Step(id=s.id, text=s.text, end=s.end,
                 choices=tuple(Choice(id=c.id, label=c.label, next=c.next) for c in s.choices))
            for s in read.steps))
    return card


def _inherit_structure(text: ModuleText, english: ModuleText) -> ModuleText:
    """Terms and tries are structure: a translation that gives none takes English's."""
    cards = tuple(replace(card, terms=card.terms or theirs.terms,
                          tries=theirs.tries if card.tries is None else card.tries)
                  if (theirs := english.card(card.id)) is not None else card
                  for card in text.cards)
    return replace(text, cards=cards)


# -- tracks ------------------------------------------------------------------------------------
def _track(read: TrackEntry) -> Track:
    return Track(id=read.id, kind=read.kind, titles=dict(read.title), modules=read.modules)


# -- the glossary ------------------------------------------------------------------------------
def _glossary(folder: Path, problems: list[Problem]) -> Glossary:
    if not folder.is_dir():
        return Glossary()  # a pack without a glossary is fine; its cards link no terms
    manifest = _parse(folder / "glossary.toml", Manifest, problems) or Manifest()
    languages = checks.languages(manifest.translations, manifest.fallback,
                                 str(folder / "glossary.toml"), problems)
    terms: dict[str, dict[str, Term]] = {}
    for language in languages:
        path = folder / f"{language}.toml"
        read = _parse(path, GlossaryFile, problems)
        if read is None:
            continue  # its problems are said; comparing it with English would repeat them
        entries = [Term(id=t.id, term=t.term, text=t.text) for t in read.terms]
        checks.glossary_file(entries, path, problems)
        terms[language] = {t.id: t for t in entries}
    checks.glossary_languages(terms, manifest.fallback, folder, problems)
    checks.listed_files(folder, languages, "glossary", problems)
    return Glossary(terms=terms, fallback=manifest.fallback or DEFAULT_LANGUAGE)


# -- the knowledge hub ---------------------------------------------------------------------------
def _library(folder: Path, tracks: set[str] | None,
             problems: list[Problem]) -> dict[str, LibraryItem]:
    paths = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    return {i.id: i for p in paths if (i := _item(p, tracks, problems)) is not None}


def _item(path: Path, tracks: set[str] | None, problems: list[Problem]) -> LibraryItem | None:
    where = str(path)
    if not ID.fullmatch(path.stem):
        problems.append(Problem(where, "file name: " + ID_RULE))
    raw = _read(path, problems)
    if raw is None:
        return None
    read = _valid(LibraryItemFile, raw, where, problems)
    tables = [key for key in raw if key not in ITEM_FIELDS]
    fallback = read.fallback if read is not None else str(raw.get("fallback", ""))
    texts: dict[str, ItemText] = {}
    for language in checks.languages(tables, fallback, where, problems):
        table, spot = raw[language], f"{where}, [{language}]"
        if not isinstance(table, dict):
            problems.append(Problem(spot, "a language must be a table"))
        elif (text := _valid(ItemTextFile, table, spot, problems)) is not None:
            texts[language] = ItemText(language=language, title=text.title,
                                       summary=text.summary, body=text.body)
    if read is None:
        return None
    if tracks is not None:
        checks.item_tracks(read.tracks, tracks, where, problems)
    if DEFAULT_LANGUAGE not in texts:
        return None
    return LibraryItem(id=path.stem, type=read.type, tracks=read.tracks, tags=read.tags,
                       texts=texts, fallback=read.fallback or DEFAULT_LANGUAGE)

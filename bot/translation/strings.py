"""Every translatable string of a content pack, with a stable id, read from its TOML files.

A string id says where the text lives by the ids of en.toml, never by position, so it
survives cards being reordered::

    modules/<module>/title                      modules/<module>/summary
    modules/<module>/cards/<card>/text
    modules/<module>/cards/<card>/choices/<choice>/label     (and /feedback)
    modules/<module>/cards/<card>/steps/<step>/text
    modules/<module>/cards/<card>/steps/<step>/choices/<choice>/label
    glossary/<term>/term                        glossary/<term>/text
    library/<item>/title    library/<item>/summary    library/<item>/body

The first two parts name the string's *piece*: a module, a glossary term or a library item,
the smallest thing the bot shows either in one language or, as a whole, in English. Track
titles are not here: ``content check`` requires them in every language already, one line each
in tracks.toml.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.content import (
    MAX_CARD_TEXT,
    MAX_DEFINITION,
    MAX_FEEDBACK,
    MAX_ITEM_BYTES,
    MAX_ITEM_TITLE,
    MAX_LABEL,
    MAX_SUMMARY,
    MAX_TERM,
)
from bot.i18n import DEFAULT_LANGUAGE

Location = tuple[str | int, ...]  # keys and list indexes from a file's top to the text

# What each kind of text is, for the translator, with the limit `content check` holds it to.
NOTES = {
    "title": ("the module's title", MAX_LABEL * 2),
    "summary": ("the module's one-line summary", MAX_SUMMARY),
    "text": ("a card: one phone screen", MAX_CARD_TEXT),
    "step": ("a scenario step, or its debrief", MAX_CARD_TEXT),
    "label": ("a button", MAX_LABEL),
    "feedback": ("the answer's feedback", MAX_FEEDBACK),
    "term": ("a glossary word, as people say it; also a button", MAX_TERM),
    "definition": ("the word explained plainly, one to three short sentences", MAX_DEFINITION),
    "item-title": ("a library item's title", MAX_ITEM_TITLE),
    "item-summary": ("a library item's one-line summary", MAX_SUMMARY),
    "body": ("a library document, downloaded on slow links (limit in bytes)", MAX_ITEM_BYTES),
}


@dataclass(frozen=True)
class Field:
    """One translatable text in one file: its string id, where it is, and its words."""

    id: str
    where: Location
    text: str
    kind: str  # a key of NOTES

    @property
    def piece(self) -> str:
        return piece_of(self.id)

    @property
    def note(self) -> str:
        what, limit = NOTES[self.kind]
        return f"{what}; at most {limit} characters"


def piece_of(string_id: str) -> str:
    """The module, glossary term or library item a string belongs to."""
    return "/".join(string_id.split("/")[:2])


def under(string_id: str, prefix: str) -> bool:
    """Whether the string is ``prefix`` or inside it, by whole parts: ``modules/risk`` is not
    inside ``modules/risk-assessment``."""
    prefix = prefix.strip("/")
    return string_id == prefix or string_id.startswith(prefix + "/")


def source_hash(text: str) -> str:
    """A short fingerprint of an English text: enough to see that it changed."""
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def read_toml(path: Path) -> dict[str, Any] | None:
    """The file's tables, or None when it is missing or broken (``content check`` says why)."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None


def _tables(value: object) -> list[tuple[int, dict[str, Any]]]:
    return [(n, item) for n, item in enumerate(value) if isinstance(item, dict)] \
        if isinstance(value, list) else []


def _field(string_id: str, where: Location, raw: dict[str, Any], key: str,
           kind: str) -> Iterator[Field]:
    value = raw.get(key)
    if isinstance(value, str) and value.strip():
        yield Field(string_id, (*where, key), value.strip(), kind)


def _choice_fields(raw: dict[str, Any], prefix: str, where: Location) -> Iterator[Field]:
    for n, choice in _tables(raw.get("choices")):
        spot, at = f"{prefix}/choices/{choice.get('id', n)}", (*where, "choices", n)
        yield from _field(f"{spot}/label", at, choice, "label", "label")
        yield from _field(f"{spot}/feedback", at, choice, "feedback", "feedback")


def module_fields(raw: dict[str, Any], module_id: str) -> Iterator[Field]:
    """The texts of one language file of a module."""
    prefix = f"modules/{module_id}"
    yield from _field(f"{prefix}/title", (), raw, "title", "title")
    yield from _field(f"{prefix}/summary", (), raw, "summary", "summary")
    for n, card in _tables(raw.get("cards")):
        spot, at = f"{prefix}/cards/{card.get('id', n)}", ("cards", n)
        yield from _field(f"{spot}/text", at, card, "text", "text")
        yield from _choice_fields(card, spot, at)
        for s, step in _tables(card.get("steps")):
            step_spot, step_at = f"{spot}/steps/{step.get('id', s)}", (*at, "steps", s)
            yield from _field(f"{step_spot}/text", step_at, step, "text", "step")
            yield from _choice_fields(step, step_spot, step_at)


def glossary_fields(raw: dict[str, Any]) -> Iterator[Field]:
    """The terms of one language file of the glossary."""
    for n, term in _tables(raw.get("terms")):
        spot = f"glossary/{term.get('id', n)}"
        yield from _field(f"{spot}/term", ("terms", n), term, "term", "term")
        yield from _field(f"{spot}/text", ("terms", n), term, "text", "definition")


def item_fields(raw: dict[str, Any], item_id: str, language: str) -> Iterator[Field]:
    """One language's table of a library item."""
    table = raw.get(language)
    if not isinstance(table, dict):
        return
    spot = f"library/{item_id}"
    yield from _field(f"{spot}/title", (language,), table, "title", "item-title")
    yield from _field(f"{spot}/summary", (language,), table, "summary", "item-summary")
    yield from _field(f"{spot}/body", (language,), table, "body", "body")


def listed_languages(manifest: dict[str, Any] | None) -> list[str]:
    """The ``translations`` of a module.toml or glossary.toml."""
    listed = (manifest or {}).get("translations", [DEFAULT_LANGUAGE])
    return [str(language) for language in listed] if isinstance(listed, list) else []


def module_folders(root: Path) -> list[Path]:
    return sorted(p for p in (root / "modules").glob("*") if p.is_dir())


def library_files(root: Path) -> list[Path]:
    return sorted((root / "library").glob("*.toml"))


def pack_fields(root: Path, language: str) -> Iterator[Field]:
    """Every string the pack has in ``language`` now: what a participant who chose it sees
    (a language file not listed in its manifest is not shown, so it is not counted)."""
    for folder in module_folders(root):
        if language in listed_languages(read_toml(folder / "module.toml")):
            yield from module_fields(read_toml(folder / f"{language}.toml") or {}, folder.name)
    glossary = root / "glossary"
    if language in listed_languages(read_toml(glossary / "glossary.toml")):
        yield from glossary_fields(read_toml(glossary / f"{language}.toml") or {})
    for path in library_files(root):
        yield from item_fields(read_toml(path) or {}, path.stem, language)


def english(root: Path) -> list[Field]:
    """The pack's English strings, in the order a reader meets them."""
    return list(pack_fields(root, DEFAULT_LANGUAGE))


def translated(root: Path, language: str) -> dict[str, str]:
    """String id → the words a participant reading ``language`` sees for it now."""
    return {f.id: f.text for f in pack_fields(root, language)}

"""An import: returned strings merged into the pack's TOML, checked before anything is written.

A piece (a module, a glossary term, a library item) is shown in a language only whole, so a
piece is written when every one of its strings has a translation: from the file, from an
earlier draft, or as shown now. The translated strings of a piece still incomplete are kept as
drafts in the translation record and written when the rest arrives.

Nothing is written until the whole pack, with the new files in a copy of it, passes the same
checks as ``content check``; then each file is replaced in one step.
"""

from __future__ import annotations

import copy
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.content import Problem, check
from bot.translation.catalogue import Returned
from bot.translation.record import (
    Draft,
    TranslationRecord,
    load_record,
    record_path,
    render_record,
)
from bot.translation.strings import (
    Field,
    english,
    glossary_fields,
    item_fields,
    module_fields,
    piece_of,
    read_toml,
    source_hash,
    translated,
)
from bot.translation.toml_files import (
    opening_comments,
    put,
    read_text,
    render,
    with_language,
    write_atomically,
)


@dataclass
class ImportPlan:
    language: str
    record: TranslationRecord  # as it will be after the import
    files: dict[Path, str] = field(default_factory=dict)  # relative to the pack → new text
    taken: int = 0  # strings taken from the file
    published: list[str] = field(default_factory=list)  # pieces written in the language
    waiting: dict[str, int] = field(default_factory=dict)  # piece → strings it still lacks
    skipped: list[str] = field(default_factory=list)  # why some strings were not taken


def plan_import(root: Path, language: str, returned: list[Returned]) -> ImportPlan:
    """What importing ``returned`` would change; nothing is written."""
    record = load_record(root, language)
    plan = ImportPlan(language=language, record=record)
    source = {f.id: f for f in english(root)}
    taken = _take(returned, source, plan)
    shown = translated(root, language)

    def words(string_id: str) -> str:
        """The string's words in the language after the import ("" when it has none)."""
        if string_id in taken:
            return taken[string_id].text
        draft = record.drafts.get(string_id)
        return draft.text if draft is not None else shown.get(string_id, "")

    by_piece: dict[str, list[Field]] = {}
    for english_field in source.values():
        by_piece.setdefault(english_field.piece, []).append(english_field)
    for piece in sorted({piece_of(string_id) for string_id in taken}):
        members = by_piece[piece]
        lacking = sum(1 for f in members if not words(f.id))
        if lacking:  # not shown yet: what came keeps as drafts
            plan.waiting[piece] = lacking
            record.drafts.update({f.id: taken[f.id] for f in members if f.id in taken})
            continue
        plan.published.append(piece)
        for member in members:  # shown now: drafts become the record of what was translated
            earlier = record.drafts.pop(member.id, None)
            draft = taken.get(member.id) or earlier
            if draft is not None:
                record.sources[member.id] = draft.source
    plan.files = _files(root, language, set(plan.published), words)
    return plan


def _take(returned: list[Returned], source: dict[str, Field],
          plan: ImportPlan) -> dict[str, Draft]:
    """The translated strings of the file, with the fingerprint of the English the translator
    saw (not today's, should it have changed since the export: then they stay outdated)."""
    taken: dict[str, Draft] = {}
    unfinished = 0
    for string in returned:
        english_field = source.get(string.id)
        if english_field is None:
            plan.skipped.append(f"{string.id}: no such string now (removed or renamed in "
                                "English); skipped")
        elif not string.done or not string.target:
            unfinished += 1
        else:
            made_from = string.source.strip()
            if made_from != english_field.text:
                plan.skipped.append(f"{string.id}: the English changed after the file was "
                                    "made; imported, and still counted as outdated")
            taken[string.id] = Draft(text=string.target, source=source_hash(made_from))
    if unfinished:
        plan.skipped.append(f"{unfinished} string(s) untranslated or marked fuzzy / needs "
                            "review: left as they are")
    plan.taken = len(taken)
    return taken


def _files(root: Path, language: str, pieces: set[str],
           words: Callable[[str], str]) -> dict[Path, str]:
    files: dict[Path, str] = {}
    for piece in sorted(pieces):
        kind, name = piece.split("/")
        if kind == "modules":
            files.update(_module_files(root, name, language, words))
        elif kind == "library":
            files[Path("library", f"{name}.toml")] = _item_file(root, name, language, words)
    if any(p.startswith("glossary/") for p in pieces):
        files.update(_glossary_files(root, language, words))
    return files


def _module_files(root: Path, module_id: str, language: str,
                  words: Callable[[str], str]) -> dict[Path, str]:
    folder = Path("modules", module_id)
    english_raw = read_toml(root / folder / "en.toml") or {}
    raw = copy.deepcopy(english_raw)  # ids, kinds, answers and branches are English's
    for english_field in module_fields(english_raw, module_id):
        put(raw, english_field.where, words(english_field.id))
    target = folder / f"{language}.toml"
    manifest = folder / "module.toml"
    return {target: render(raw, opening_comments(root / target)),
            manifest: with_language(read_text(root / manifest), language)}


def _glossary_files(root: Path, language: str,
                    words: Callable[[str], str]) -> dict[Path, str]:
    """The language's glossary file: every term whose words it has, in English's order (a
    term it lacks is shown in English, when glossary.toml has a fallback)."""
    folder = Path("glossary")
    english_raw = read_toml(root / folder / "en.toml") or {}
    fields = list(glossary_fields(english_raw))
    terms = []
    for entry in english_raw.get("terms", []):
        if not isinstance(entry, dict):
            continue
        mine = [f for f in fields if f.piece == f"glossary/{entry.get('id')}"]
        if mine and all(words(f.id) for f in mine):
            term = copy.deepcopy(entry)
            for english_field in mine:
                put(term, english_field.where[2:], words(english_field.id))
            terms.append(term)
    target = folder / f"{language}.toml"
    manifest = folder / "glossary.toml"
    return {target: render({"terms": terms}, opening_comments(root / target)),
            manifest: with_language(read_text(root / manifest), language)}


def _item_file(root: Path, item_id: str, language: str, words: Callable[[str], str]) -> str:
    path = root / "library" / f"{item_id}.toml"
    raw = read_toml(path) or {}
    raw[language] = dict.fromkeys(("title", "summary", "body"), "")
    for english_field in item_fields(raw, item_id, "en"):
        put(raw, (language, english_field.where[-1]), words(english_field.id))
    return render(raw, opening_comments(path))


def check_plan(root: Path, plan: ImportPlan) -> list[Problem]:
    """The problems ``content check`` would find after the import, named by the real paths;
    found on a copy of the pack, so nothing real is touched."""
    with tempfile.TemporaryDirectory(prefix="exchange-bot-import-") as scratch:
        staged = Path(scratch) / "pack"
        shutil.copytree(root, staged, ignore=shutil.ignore_patterns("translations"))
        for relative, text in plan.files.items():
            (staged / relative).write_text(text, encoding="utf-8")
        _, problems = check(staged)
        return [Problem(p.where.replace(str(staged), str(root)), p.what) for p in problems]


def apply_plan(root: Path, plan: ImportPlan) -> None:
    for relative, text in plan.files.items():
        write_atomically(root / relative, text)
    write_atomically(record_path(root, plan.language), render_record(plan.record))

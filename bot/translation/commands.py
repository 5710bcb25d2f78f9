"""``exchange-bot content status | export | import | stamp``: the translator's workflow.

Each command takes the pack's folder and prints what a facilitator needs to know; the return
value is the process's exit code (0 done, 1 problems and nothing written, 2 cannot start).
"""

from __future__ import annotations

import sys
from pathlib import Path

from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES
from bot.translation.record import load_record, record_path, render_record
from bot.translation.status import (
    NEEDS_WORK,
    State,
    StringStatus,
    string_states,
    summary,
    tally,
)
from bot.translation.strings import source_hash, under
from bot.translation.toml_files import write_atomically

TARGETS = tuple(language for language in LANGUAGES if language != DEFAULT_LANGUAGE)


def _group(string_id: str) -> str:
    """Status groups: each module and each library item, the glossary as one."""
    parts = string_id.split("/")
    return "glossary" if parts[0] == "glossary" else "/".join(parts[:2])


def status(root: Path, languages: list[str], *, listing: bool) -> int:
    for language in languages or TARGETS:
        states = string_states(root, language)
        print(f"{language}: {len(states)} strings: {summary(tally(states))}")
        groups: dict[str, list[StringStatus]] = {}
        for item in states:
            groups.setdefault(_group(item.field.id), []).append(item)
        width = max((len(g) for g in groups), default=0)
        for group, members in groups.items():
            print(f"  {group:<{width}}  {summary(tally(members))}")
        if listing:
            for item in states:
                if item.state is not State.TRANSLATED:
                    print(f"    {item.state:<10}  {item.field.id}")
    return 0


def export(root: Path, language: str, path: Path, *, everything: bool,
           only: list[str]) -> int:
    from bot.translation.catalogue import CatalogueError, Entry, write_catalogue

    chosen = [s for s in string_states(root, language)
              if (everything or s.state in NEEDS_WORK)
              and (not only or any(under(s.field.id, p) for p in only))]
    # A translation that is old, or that nobody checked, goes out to be looked at again.
    entries = [Entry(id=s.field.id, source=s.field.text, target=s.current, note=_note(s),
                     fuzzy=not s.up_to_date) for s in chosen]
    try:
        write_catalogue(path, language, entries)
    except CatalogueError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"{path}: {len(entries)} strings for '{language}' "
          f"({summary(tally(chosen))})")
    return 0




def _note(item: StringStatus) -> str:
    if item.state is State.OUTDATED:
        return (f"{item.field.note}. The English changed since this was translated: "
                "please check the translation.")
    if item.state is State.UNVERIFIED:
        return f"{item.field.note}. Nobody has checked this translation against the English."
    return item.field.note


def import_file(root: Path, language: str, path: Path) -> int:
    from bot.translation.catalogue import CatalogueError, read_catalogue
    from bot.translation.publish import apply_plan, check_plan, plan_import

    try:
        file_language, returned = read_catalogue(path)
    except CatalogueError as exc:
        print(exc, file=sys.stderr)
        return 2
    if file_language is not None and file_language.split("_")[0].split("-")[0] != language:
        print(f"{path} is a '{file_language}' file, not '{language}': nothing imported.",
              file=sys.stderr)
        return 2
    plan = plan_import(root, language, returned)
    for note in plan.skipped:
        print(note)
    problems = check_plan(root, plan)
    if problems:
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problem(s) after this import: nothing was written.",
              file=sys.stderr)
        return 1
    apply_plan(root, plan)
    print(f"{plan.taken} string(s) imported into '{language}'.")
    for piece in plan.published:
        print(f"  shown in '{language}' now: {piece}")
    for piece, lacking in plan.waiting.items():
        print(f"  kept as a draft: {piece} ({lacking} string(s) still to translate; "
              "it is shown once complete)")
    return 0


def stamp(root: Path, language: str, prefixes: list[str]) -> int:
    """Record the current English of translations written by hand as the one they were made
    from. Without prefixes only strings with no record yet are stamped, so an outdated one is
    never hidden by accident; with prefixes, every translated string under them is."""
    def wanted(item: StringStatus) -> bool:
        if not prefixes:
            return item.state is State.UNVERIFIED
        return item.state in (State.UNVERIFIED, State.OUTDATED) and any(
            under(item.field.id, p) for p in prefixes)

    record = load_record(root, language)
    stamped = 0
    for item in filter(wanted, string_states(root, language)):
        record.sources[item.field.id] = source_hash(item.field.text)
        stamped += 1
    if stamped:
        write_atomically(record_path(root, language), render_record(record))
    print(f"{stamped} '{language}' string(s) recorded as translated from today's English.")
    return 0

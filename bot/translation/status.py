"""Where each string of the pack stands in one language."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from bot.translation.record import TranslationRecord, load_record
from bot.translation.strings import Field, english, piece_of, source_hash, translated


class State(StrEnum):
    TRANSLATED = "translated"  # made from the English there is now
    UNVERIFIED = "unverified"  # shown, but nobody recorded which English it was made from
    OUTDATED = "outdated"  # the English changed after it was translated
    DRAFTED = "drafted"  # translated, waiting for the rest of its module: English is shown
    MISSING = "missing"  # English is shown


ORDER = tuple(State)
NEEDS_WORK = (State.OUTDATED, State.DRAFTED, State.MISSING)  # what `export` sends by default


@dataclass(frozen=True)
class StringStatus:
    field: Field  # the English
    state: State
    current: str = ""  # the words shown (or drafted) in the language now
    made_from: str | None = None  # fingerprint of the English they were made from, if known

    @property
    def up_to_date(self) -> bool:
        """Whether the words were made from the English there is now."""
        return self.made_from == source_hash(self.field.text)


def string_states(root: Path, language: str) -> list[StringStatus]:
    """Every English string of the pack, and where it stands in ``language``."""
    record = load_record(root, language)
    shown = translated(root, language)
    return [_status(f, shown.get(f.id, ""), record) for f in english(root)]


def _status(field: Field, shown: str, record: TranslationRecord) -> StringStatus:
    draft = record.drafts.get(field.id)
    if not shown and draft is not None:
        return StringStatus(field, State.DRAFTED, draft.text, draft.source)
    if not shown:
        return StringStatus(field, State.MISSING)
    made_from = record.sources.get(field.id)
    if made_from is None:
        return StringStatus(field, State.UNVERIFIED, shown)
    state = State.TRANSLATED if made_from == source_hash(field.text) else State.OUTDATED
    return StringStatus(field, state, shown, made_from)


def tally(states: list[StringStatus]) -> Counter[State]:
    return Counter(s.state for s in states)


def by_piece(states: list[StringStatus]) -> dict[str, list[StringStatus]]:
    pieces: dict[str, list[StringStatus]] = {}
    for status in states:
        pieces.setdefault(piece_of(status.field.id), []).append(status)
    return pieces


def summary(counts: Counter[State]) -> str:
    """'12 translated, 3 outdated, 40 missing': the states that occur, in a fixed order."""
    shown = [f"{counts[s]} {s}" for s in ORDER if counts[s]]
    return ", ".join(shown) or "nothing to translate"

"""The content pack as the bot reads it: frozen, joined across languages, looked up by id.

These are not the files' shapes (those are in :mod:`bot.content.schema`): a card here has every
field any kind of card has, with empty defaults, so the player can branch on ``kind``; a
translation's cards already carry the terms and tries they inherit from English; a module, the
glossary and a library item hold all their languages in one object.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    correct: bool = False  # quiz
    feedback: str = ""  # quiz
    next: str = ""  # scenario: the step it leads to


@dataclass(frozen=True)
class Step:
    id: str
    text: str
    choices: tuple[Choice, ...] = ()
    end: bool = False  # a debrief: what worked, what failed, and why


@dataclass(frozen=True)
class Card:
    id: str
    kind: str
    text: str
    choices: tuple[Choice, ...] = ()  # quiz
    steps: tuple[Step, ...] = ()  # scenario
    start: str = ""  # scenario
    terms: tuple[str, ...] = ()  # glossary term ids, shown as buttons under the card
    tries: int | None = None  # quiz: answers allowed; None (not given) means 1

    @property
    def attempts(self) -> int:
        """How many answers the quiz takes before its feedback is final."""
        return self.tries or 1

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)


@dataclass(frozen=True)
class ModuleText:
    language: str
    title: str
    summary: str
    cards: tuple[Card, ...]

    def card(self, card_id: str) -> Card | None:
        return next((c for c in self.cards if c.id == card_id), None)


@dataclass(frozen=True)
class Module:
    id: str
    texts: dict[str, ModuleText]  # by language; English always
    fallback: str = DEFAULT_LANGUAGE

    def text_for(self, language: str) -> tuple[ModuleText, bool]:
        """The module in ``language``, or in the fallback (True) when not translated."""
        if language in self.texts:
            return self.texts[language], False
        return self.texts[self.fallback], True


@dataclass(frozen=True)
class Track:
    id: str
    kind: str
    titles: dict[str, str]
    modules: tuple[str, ...]


@dataclass(frozen=True)
class Term:
    id: str
    term: str  # the words as a person would type or see them
    text: str  # the plain-language explanation


@dataclass(frozen=True)
class Glossary:
    terms: dict[str, dict[str, Term]] = field(default_factory=dict)  # language → id → term
    fallback: str = DEFAULT_LANGUAGE

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self.terms.get(DEFAULT_LANGUAGE, {}))

    def entry(self, term_id: str, language: str) -> tuple[Term, bool] | None:
        """The term in ``language``, or in the fallback (True) when not translated."""
        if term_id in self.terms.get(language, {}):
            return self.terms[language][term_id], False
        found = self.terms.get(self.fallback, {}).get(term_id)
        return None if found is None else (found, True)


@dataclass(frozen=True)
class ItemText:
    language: str
    title: str
    summary: str
    body: str


@dataclass(frozen=True)
class LibraryItem:
    """A case study, after-action review, checklist, template or toolkit of the hub."""

    id: str
    type: str
    tracks: tuple[str, ...]
    tags: tuple[str, ...]
    texts: dict[str, ItemText]  # by language; English always
    fallback: str = DEFAULT_LANGUAGE

    def text_for(self, language: str) -> tuple[ItemText, bool]:
        if language in self.texts:
            return self.texts[language], False
        return self.texts[self.fallback], True


@dataclass(frozen=True)
class ContentPack:
    tracks: tuple[Track, ...] = ()
    modules: dict[str, Module] = field(default_factory=dict)
    glossary: Glossary = field(default_factory=Glossary)
    library: dict[str, LibraryItem] = field(default_factory=dict)

    def track(self, track_id: str) -> Track | None:
        return next((t for t in self.tracks if t.id == track_id), None)


def fallbacks(pack: ContentPack) -> dict[str, list[str]]:
    """Per language other than English: what its readers would see in English (modules,
    glossary terms and hub items), by id."""
    found: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        if lang == DEFAULT_LANGUAGE:
            continue
        missing = [f"modules/{m}" for m, module in sorted(pack.modules.items())
                   if module.text_for(lang)[1]]
        missing += [f"glossary/{t}" for t in pack.glossary.ids
                    if t not in pack.glossary.terms.get(lang, {})]
        missing += [f"library/{i}" for i, item in sorted(pack.library.items())
                    if item.text_for(lang)[1]]
        found[lang] = missing
    return found

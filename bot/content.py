"""Content packs: learning tracks and modules as data files under ``content/``.

Layout (facilitators edit these; no Python involved)::

    content/tracks.toml                    the tracks, their titles, their modules in order
    content/modules/<module>/module.toml   which translations exist, and the fallback
    content/modules/<module>/<lang>.toml   the module's title, summary and cards in one language
    content/glossary/glossary.toml         the glossary's translations, and the fallback
    content/glossary/<lang>.toml           its terms in one language: id, term, text
    content/library/<item>.toml            a knowledge-hub item: type, tracks, tags, and a
                                           table per language with title, summary and body

A card is ``text`` (read, then Next), ``quiz`` (choices, one or more correct, feedback on each),
``reflection`` (a free-text prompt) or ``scenario`` (steps whose choices lead to other steps and
end in a debrief); any card may link up to three glossary terms (``terms = ["mutual-aid"]``
in en.toml; translations inherit them). A quiz may give ``tries = 2`` (a whole number from 1
to 5; without it 1, the first answer is final): while tries are left, a wrong answer
shows its feedback with "Try again"; the last answer's feedback is final, with Next. Like terms,
``tries`` is structure: set in en.toml, inherited by translations. Every language file has the
same structure as the English one; only the words differ. :func:`check` lists every problem;
:func:`load` refuses a pack that has any.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from bot.core import MAX_BUTTON_DATA
from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES

MAX_CARD_TEXT = 600  # one phone screen
MAX_FEEDBACK = 300
MAX_LABEL = 40  # a button on a narrow screen
MAX_SUMMARY = 200
MIN_CARDS, MAX_CARDS = 3, 8
MAX_TRIES = 5  # a quiz's answers before its feedback is final; one digit in the player's state
ID = re.compile(r"[a-z0-9][a-z0-9-]{0,23}")
ID_RULE = "id: 1-24 of a-z 0-9 -, starting with a letter or digit"
CARD_KINDS = ("text", "quiz", "reflection", "scenario")
TRACK_KINDS = ("core", "elective", "safety")
# The longest button data a choice needs: "1:ans:<module>:<card>:<choice>" (see handlers).
CHOICE_DATA = "1:ans:{module}:{card}:{choice}"
MAX_TERM = 40  # a button: "📖 <term>"
MAX_DEFINITION = 320  # one to three short sentences
MAX_CARD_TERMS = 3  # buttons under a card cost bytes on every card shown
MAX_ITEM_TITLE = 80
MAX_ITEM_BYTES = 12_000  # a knowledge-hub document, downloaded on slow, costly connections
MAX_TAGS = 5  # tags, or tracks, one hub item lists
LIBRARY_TYPES = ("case-study", "after-action", "checklist", "template", "toolkit", "story")
ITEM_FIELDS = ("type", "tracks", "tags", "fallback")  # every other table is a language


class ContentError(Exception):
    """The pack has problems; ``problems`` says which file and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the content pack")
        self.problems = problems


@dataclass(frozen=True)
class Problem:
    where: str  # a file, and the card or step inside it
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


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


# -- reading -------------------------------------------------------------------------------
def _read(path: Path, problems: list[Problem]) -> dict[str, Any] | None:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(Problem(str(path), "file is missing"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        problems.append(Problem(str(path), f"not valid TOML: {exc}"))
    return None


def _text(raw: dict[str, Any], key: str, where: str, problems: list[Problem], *,
          limit: int, required: bool = True) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str):
        problems.append(Problem(where, f"'{key}' must be text"))
        return ""
    value = value.strip()
    if required and not value:
        problems.append(Problem(where, f"'{key}' is missing or empty"))
    if len(value) > limit:
        problems.append(Problem(where, f"'{key}' is {len(value)} characters; at most {limit}"))
    return value


def _choices(raw: Any, where: str, problems: list[Problem]) -> tuple[Choice, ...]:
    if not isinstance(raw, list):
        return ()
    choices = []
    for n, item in enumerate(raw, 1):
        spot = f"{where}, choice {item.get('id', n) if isinstance(item, dict) else n}"
        if not isinstance(item, dict):
            problems.append(Problem(spot, "a choice must be a table"))
            continue
        choice_id = str(item.get("id", ""))
        if not ID.fullmatch(choice_id):
            problems.append(Problem(spot, ID_RULE))
        choices.append(Choice(
            id=choice_id, label=_text(item, "label", spot, problems, limit=MAX_LABEL),
            correct=bool(item.get("correct", False)),
            feedback=_text(item, "feedback", spot, problems, limit=MAX_FEEDBACK,
                           required=False),
            next=str(item.get("next", ""))))
    return tuple(choices)


def _card(raw: Any, where: str, problems: list[Problem]) -> Card | None:
    if not isinstance(raw, dict):
        problems.append(Problem(where, "a card must be a table"))
        return None
    card_id, kind = str(raw.get("id", "")), str(raw.get("kind", ""))
    where = f"{where}, card {card_id or '?'}"
    if not ID.fullmatch(card_id):
        problems.append(Problem(where, ID_RULE))
    if kind not in CARD_KINDS:
        problems.append(Problem(where, f"kind must be one of {', '.join(CARD_KINDS)}"))
    steps = []
    for item in raw.get("steps", []) if kind == "scenario" else []:
        spot = f"{where}, step {item.get('id', '?') if isinstance(item, dict) else '?'}"
        if not isinstance(item, dict):
            problems.append(Problem(spot, "a step must be a table"))
            continue
        steps.append(Step(id=str(item.get("id", "")),
                          text=_text(item, "text", spot, problems, limit=MAX_CARD_TEXT),
                          choices=_choices(item.get("choices"), spot, problems),
                          end=bool(item.get("end", False))))
    return Card(id=card_id, kind=kind,
                text=_text(raw, "text", where, problems, limit=MAX_CARD_TEXT,
                           required=kind != "scenario"),
                choices=_choices(raw.get("choices"), where, problems) if kind == "quiz" else (),
                steps=tuple(steps), start=str(raw.get("start", "")),
                terms=_ids(raw, "terms", where, problems, limit=MAX_CARD_TERMS),
                tries=_tries(raw, kind, where, problems))


def _tries(raw: dict[str, Any], kind: str, where: str, problems: list[Problem]) -> int | None:
    if "tries" not in raw:
        return None
    value = raw["tries"]
    if kind != "quiz":
        problems.append(Problem(where, "'tries' is only for quiz cards"))
    elif isinstance(value, bool) or not isinstance(value, int) or \
            not 1 <= value <= MAX_TRIES:
        problems.append(Problem(where, f"'tries' must be a whole number from 1 to {MAX_TRIES}"))
    else:
        return value
    return None


def _ids(raw: dict[str, Any], key: str, where: str, problems: list[Problem], *,
         limit: int) -> tuple[str, ...]:
    """A short list of ids (card terms, item tracks and tags)."""
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(Problem(where, f"'{key}' must be a list of ids"))
        return ()
    for bad in (v for v in value if not ID.fullmatch(v)):
        problems.append(Problem(where, f"'{key}': '{bad}' is not an id ({ID_RULE})"))
    if len(set(value)) != len(value):
        problems.append(Problem(where, f"'{key}' names the same id twice"))
    if len(value) > limit:
        problems.append(Problem(where, f"'{key}' has {len(value)}; at most {limit}"))
    return tuple(value)


def _module_text(path: Path, language: str, problems: list[Problem]) -> ModuleText | None:
    raw = _read(path, problems)
    if raw is None:
        return None
    where = str(path)
    cards = tuple(c for n, item in enumerate(raw.get("cards", []), 1)
                  if (c := _card(item, where, problems)) is not None)
    return ModuleText(language=language,
                      title=_text(raw, "title", where, problems, limit=MAX_LABEL * 2),
                      summary=_text(raw, "summary", where, problems, limit=MAX_SUMMARY),
                      cards=cards)


# -- checking ------------------------------------------------------------------------------
def _check_structure(module_id: str, text: ModuleText, where: str,
                     problems: list[Problem]) -> None:
    if not MIN_CARDS <= len(text.cards) <= MAX_CARDS:
        problems.append(Problem(where, f"{len(text.cards)} cards; a module has "
                                       f"{MIN_CARDS} to {MAX_CARDS}"))
    seen: set[str] = set()
    for card in text.cards:
        spot = f"{where}, card {card.id}"
        if card.id in seen:
            problems.append(Problem(spot, "the same card id twice"))
        seen.add(card.id)
        for choice in (*card.choices, *(c for s in card.steps for c in s.choices)):
            data = CHOICE_DATA.format(module=module_id, card=card.id, choice=choice.id)
            if len(data.encode()) > MAX_BUTTON_DATA:
                problems.append(Problem(spot, f"button data for choice {choice.id} would be "
                                              f"{len(data.encode())} bytes; at most 64"))
        if card.kind == "quiz":
            if len(card.choices) < 2:
                problems.append(Problem(spot, "a quiz needs at least two choices"))
            if not any(c.correct for c in card.choices):
                problems.append(Problem(spot, "a quiz needs a correct answer"))
            for choice in card.choices:
                if not choice.feedback:
                    problems.append(Problem(f"{spot}, choice {choice.id}",
                                            "every quiz answer needs feedback"))
        if card.kind == "scenario":
            _check_scenario(card, spot, problems)


def _check_scenario(card: Card, where: str, problems: list[Problem]) -> None:
    steps = {s.id: s for s in card.steps}
    if len(steps) != len(card.steps):
        problems.append(Problem(where, "the same step id twice"))
    if card.start not in steps:
        problems.append(Problem(where, f"start '{card.start}' is not one of its steps"))
        return
    for step in card.steps:
        spot = f"{where}, step {step.id}"
        if not ID.fullmatch(step.id):
            problems.append(Problem(spot, ID_RULE))
        if step.end and step.choices:
            problems.append(Problem(spot, "a debrief (end) step has no choices"))
        if not step.end and not step.choices:
            problems.append(Problem(spot, "a step needs choices, or end = true for a debrief"))
        for choice in step.choices:
            if choice.next not in steps:
                problems.append(Problem(f"{spot}, choice {choice.id}",
                                        f"leads to '{choice.next}', which is not a step"))
    reachable = _reachable(card.start, steps)
    for step_id in steps.keys() - reachable:
        problems.append(Problem(f"{where}, step {step_id}", "no choice leads here"))
    if not any(steps[s].end for s in reachable):
        problems.append(Problem(where, "no debrief (end) step can be reached"))


def _reachable(start: str, steps: dict[str, Step]) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        step_id = todo.pop()
        if step_id in seen or step_id not in steps:
            continue
        seen.add(step_id)
        todo.extend(c.next for c in steps[step_id].choices)
    return seen


def _shape(text: ModuleText) -> list[tuple[object, ...]]:
    """Everything but the words: translations must match English in this."""
    return [(c.id, c.kind, c.start, c.terms, c.tries,
             tuple((ch.id, ch.correct, ch.next) for ch in c.choices),
             tuple((s.id, s.end, tuple((ch.id, ch.next) for ch in s.choices)) for s in c.steps))
            for c in text.cards]


def _languages(translations: Iterable[object], fallback: str, where: str,
               problems: list[Problem]) -> list[str]:
    """The known languages of ``translations``; English is required, and every language we
    speak is translated or falls back to English explicitly."""
    listed = [str(language) for language in translations]
    if DEFAULT_LANGUAGE not in listed:
        problems.append(Problem(where, "English is always required"))
    for language in LANGUAGES:
        if language not in listed and fallback != DEFAULT_LANGUAGE:
            problems.append(Problem(where,
                                    f"no '{language}' translation and no fallback = \"en\""))
    for language in listed:
        if language not in LANGUAGES:
            problems.append(Problem(where, f"unknown language '{language}'"))
    return [language for language in listed if language in LANGUAGES]


def _inherit_structure(text: ModuleText, english: ModuleText) -> ModuleText:
    """Terms and tries are structure: a translation that gives none takes English's."""
    cards = tuple(replace(card, terms=card.terms or theirs.terms,
                          tries=theirs.tries if card.tries is None else card.tries)
                  if (theirs := english.card(card.id)) is not None else card
                  for card in text.cards)
    return replace(text, cards=cards)


def _load_module(folder: Path, problems: list[Problem]) -> Module | None:
    module_id = folder.name
    if not ID.fullmatch(module_id):
        problems.append(Problem(str(folder), "folder name: " + ID_RULE))
    manifest = _read(folder / "module.toml", problems) or {}
    translations = manifest.get("translations", [DEFAULT_LANGUAGE])
    fallback = str(manifest.get("fallback", ""))
    texts: dict[str, ModuleText] = {}
    for language in _languages(translations, fallback, str(folder / "module.toml"), problems):
        path = folder / f"{language}.toml"
        text = _module_text(path, language, problems)
        if text is not None:
            texts[language] = text
    english = texts.get(DEFAULT_LANGUAGE)
    if english is None:
        return None
    _check_structure(module_id, english, str(folder / "en.toml"), problems)
    texts = {lang: _inherit_structure(text, english) for lang, text in texts.items()}
    for language, text in texts.items():
        if language != DEFAULT_LANGUAGE and _shape(text) != _shape(english):
            problems.append(Problem(str(folder / f"{language}.toml"),
                                    "cards, choices or steps differ from en.toml (ids, kinds, "
                                    "answers, branches, terms or tries); only the words may "
                                    "differ"))
    for extra in sorted(folder.glob("*.toml")):
        if extra.stem not in (*translations, "module"):
            problems.append(Problem(str(extra), "not listed in module.toml translations"))
    return Module(id=module_id, texts=texts, fallback=fallback or DEFAULT_LANGUAGE)


def _load_tracks(path: Path, modules: Iterable[str],
                 problems: list[Problem]) -> tuple[Track, ...]:
    raw = _read(path, problems) or {}
    tracks = []
    known = set(modules)
    used: set[str] = set()
    for item in raw.get("tracks", []):
        track_id = str(item.get("id", ""))
        where = f"{path}, track {track_id or '?'}"
        if not ID.fullmatch(track_id):
            problems.append(Problem(where, ID_RULE))
        kind = str(item.get("kind", ""))
        if kind not in TRACK_KINDS:
            problems.append(Problem(where, f"kind must be one of {', '.join(TRACK_KINDS)}"))
        titles = {str(k): str(v) for k, v in dict(item.get("title", {})).items()}
        for language in LANGUAGES:
            if not titles.get(language):
                problems.append(Problem(where, f"no title in '{language}'"))
            elif len(titles[language]) > MAX_LABEL:
                problems.append(Problem(where, f"the '{language}' title is over {MAX_LABEL} "
                                               "characters (it is a button)"))
        module_ids = tuple(str(m) for m in item.get("modules", []))
        for module_id in module_ids:
            if module_id not in known:
                problems.append(Problem(where, f"module '{module_id}' has no folder"))
        used.update(module_ids)
        tracks.append(Track(id=track_id, kind=kind, titles=titles, modules=module_ids))
    for module_id in sorted(known - used):
        problems.append(Problem(str(path), f"module '{module_id}' is in no track"))
    if not tracks:
        problems.append(Problem(str(path), "no tracks"))
    return tuple(tracks)


# -- the glossary ---------------------------------------------------------------------------
def _glossary_terms(path: Path, problems: list[Problem]) -> dict[str, Term]:
    raw = _read(path, problems)
    if raw is None:
        return {}
    terms: dict[str, Term] = {}
    seen_names: set[str] = set()
    for item in raw.get("terms", []):
        if not isinstance(item, dict):
            problems.append(Problem(str(path), "a term must be a table"))
            continue
        term_id = str(item.get("id", ""))
        where = f"{path}, term {term_id or '?'}"
        if not ID.fullmatch(term_id):
            problems.append(Problem(where, ID_RULE))
        if term_id in terms:
            problems.append(Problem(where, "the same term id twice"))
        term = Term(id=term_id, term=_text(item, "term", where, problems, limit=MAX_TERM),
                    text=_text(item, "text", where, problems, limit=MAX_DEFINITION))
        if term.term.casefold() in seen_names:  # /glossary <word> could not tell them apart
            problems.append(Problem(where, f"the term '{term.term}' twice"))
        seen_names.add(term.term.casefold())
        terms[term_id] = term
    return terms


def _load_glossary(folder: Path, problems: list[Problem]) -> Glossary:
    if not folder.is_dir():
        return Glossary()  # a pack without a glossary is fine; its cards link no terms
    manifest_path = folder / "glossary.toml"
    manifest = _read(manifest_path, problems) or {}
    fallback = str(manifest.get("fallback", ""))
    terms: dict[str, dict[str, Term]] = {}
    languages = _languages(manifest.get("translations", [DEFAULT_LANGUAGE]), fallback,
                           str(manifest_path), problems)
    for language in languages:
        terms[language] = _glossary_terms(folder / f"{language}.toml", problems)
    english = terms.get(DEFAULT_LANGUAGE, {})
    for language, entries in terms.items():
        where = str(folder / f"{language}.toml")
        for unknown in sorted(entries.keys() - english.keys()):
            problems.append(Problem(where, f"term '{unknown}' is not in en.toml"))
        if fallback != DEFAULT_LANGUAGE:
            for missing in sorted(english.keys() - entries.keys()):
                problems.append(Problem(where, f"term '{missing}' is missing and there is no "
                                               "fallback = \"en\" in glossary.toml"))
    for extra in sorted(folder.glob("*.toml")):
        if extra.stem not in (*languages, "glossary"):
            problems.append(Problem(str(extra), "not listed in glossary.toml translations"))
    return Glossary(terms=terms, fallback=fallback or DEFAULT_LANGUAGE)


def _check_links(modules: dict[str, Module], glossary: Glossary, root: Path,
                 problems: list[Problem]) -> None:
    known = set(glossary.ids)
    for module in modules.values():
        for card in module.texts[DEFAULT_LANGUAGE].cards:
            for term_id in card.terms:
                if term_id not in known:
                    problems.append(Problem(
                        f"{root / 'modules' / module.id / 'en.toml'}, card {card.id}",
                        f"links term '{term_id}', which is not in the glossary"))


# -- the knowledge hub -----------------------------------------------------------------------
def _load_item(path: Path, tracks: set[str], problems: list[Problem]) -> LibraryItem | None:
    raw = _read(path, problems)
    if raw is None:
        return None
    where = str(path)
    if not ID.fullmatch(path.stem):
        problems.append(Problem(where, "file name: " + ID_RULE))
    kind = str(raw.get("type", ""))
    if kind not in LIBRARY_TYPES:
        problems.append(Problem(where, f"type must be one of {', '.join(LIBRARY_TYPES)}"))
    item_tracks = _ids(raw, "tracks", where, problems, limit=MAX_TAGS)
    for track_id in item_tracks:
        if track_id not in tracks:
            problems.append(Problem(where, f"track '{track_id}' is not in tracks.toml"))
    tags = _ids(raw, "tags", where, problems, limit=MAX_TAGS)
    fallback = str(raw.get("fallback", ""))
    tables = [key for key in raw if key not in ITEM_FIELDS]
    texts: dict[str, ItemText] = {}
    for language in _languages(tables, fallback, where, problems):
        table, spot = raw[language], f"{where}, [{language}]"
        if not isinstance(table, dict):
            problems.append(Problem(spot, "a language must be a table"))
            continue
        body = _text(table, "body", spot, problems, limit=MAX_ITEM_BYTES)
        if len(body.encode()) > MAX_ITEM_BYTES:
            problems.append(Problem(spot, f"the body is {len(body.encode())} bytes; at most "
                                          f"{MAX_ITEM_BYTES} (it is downloaded on slow links)"))
        texts[language] = ItemText(
            language=language, body=body,
            title=_text(table, "title", spot, problems, limit=MAX_ITEM_TITLE),
            summary=_text(table, "summary", spot, problems, limit=MAX_SUMMARY))
    if DEFAULT_LANGUAGE not in texts:
        return None
    return LibraryItem(id=path.stem, type=kind, tracks=item_tracks, tags=tags, texts=texts,
                       fallback=fallback or DEFAULT_LANGUAGE)


def _load_library(folder: Path, tracks: set[str],
                  problems: list[Problem]) -> dict[str, LibraryItem]:
    paths = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    return {i.id: i for p in paths if (i := _load_item(p, tracks, problems)) is not None}


def check(root: Path) -> tuple[ContentPack, list[Problem]]:
    """Read the whole pack under ``root``; every problem found, not just the first."""
    problems: list[Problem] = []
    folders = sorted(p for p in (root / "modules").glob("*") if p.is_dir())
    modules = {m.id: m for f in folders if (m := _load_module(f, problems)) is not None}
    tracks = _load_tracks(root / "tracks.toml", (f.name for f in folders), problems)
    glossary = _load_glossary(root / "glossary", problems)
    _check_links(modules, glossary, root, problems)
    library = _load_library(root / "library", {t.id for t in tracks}, problems)
    return ContentPack(tracks=tracks, modules=modules, glossary=glossary,
                       library=library), problems


def load(root: Path) -> ContentPack:
    pack, problems = check(root)
    if problems:
        raise ContentError(problems)
    return pack


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

"""The checks no schema can make: between cards, steps, files and languages of the pack.

Each file has passed its pydantic model (:mod:`bot.content.schema`) before it comes here, so
every value has its type and its size; what is left is whether they fit together: a module's
number of cards, ids unique, a quiz with a right answer and feedback on each, a scenario whose
choices lead to steps that exist and reach a debrief, button data within Telegram's 64 bytes,
translations with English's structure, every language present or falling back to English,
links to glossary terms and tracks that exist. Each appends to ``problems``; none raises.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path

from bot.content.model import Card, Glossary, Module, ModuleText, Step, Term, Track
from bot.content.problems import Problem
from bot.content.schema import CHOICE_DATA, MAX_CARDS, MAX_LABEL, MIN_CARDS
from bot.core import MAX_BUTTON_DATA
from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES


def languages(listed: Iterable[str], fallback: str, where: str,
              problems: list[Problem]) -> list[str]:
    """The known languages of ``listed``; English is required, and every language we
    speak is translated or falls back to English explicitly."""
    listed = list(listed)
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


# -- modules -------------------------------------------------------------------------------------
def module_structure(module_id: str, text: ModuleText, where: str,
                     problems: list[Problem]) -> None:
    """The English text of a module: its cards, quizzes and scenarios hold together."""
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
            _quiz(card, spot, problems)
        if card.kind == "scenario":
            _scenario(card, spot, problems)


def _quiz(card: Card, where: str, problems: list[Problem]) -> None:
    if len(card.choices) < 2:
        problems.append(Problem(where, "a quiz needs at least two choices"))
    if not any(c.correct for c in card.choices):
        problems.append(Problem(where, "a quiz needs a correct answer"))
    for choice in card.choices:
        if not choice.feedback:
            problems.append(Problem(f"{where}, choice {choice.id}",
                                    "every quiz answer needs feedback"))


def _scenario(card: Card, where: str, problems: list[Problem]) -> None:
    steps = {s.id: s for s in card.steps}
    if len(steps) != len(card.steps):
        problems.append(Problem(where, "the same step id twice"))
    if card.start not in steps:
        problems.append(Problem(where, f"start '{card.start}' is not one of its steps"))
        return
    for step in card.steps:
        spot = f"{where}, step {step.id}"
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


def same_structure(folder: Path, texts: dict[str, ModuleText],
                   problems: list[Problem]) -> None:
    """Each translation (structure inherited already) has English's cards, choices, steps."""
    english = _shape(texts[DEFAULT_LANGUAGE])
    for language, text in texts.items():
        if language != DEFAULT_LANGUAGE and _shape(text) != english:
            problems.append(Problem(str(folder / f"{language}.toml"),
                                    "cards, choices or steps differ from en.toml (ids, kinds, "
                                    "answers, branches, terms or tries); only the words may "
                                    "differ"))


# -- tracks ---------------------------------------------------------------------------------------
def tracks(found: tuple[Track, ...], modules: Collection[str], path: Path,
           problems: list[Problem]) -> None:
    """Titles in every language, fit for a button; modules that exist, each in a track."""
    used: set[str] = set()
    for track in found:
        where = f"{path}, track {track.id}"
        for language in LANGUAGES:
            if not track.titles.get(language):
                problems.append(Problem(where, f"no title in '{language}'"))
            elif len(track.titles[language]) > MAX_LABEL:
                problems.append(Problem(where, f"the '{language}' title is over {MAX_LABEL} "
                                               "characters (it is a button)"))
        for module_id in track.modules:
            if module_id not in modules:
                problems.append(Problem(where, f"module '{module_id}' has no folder"))
        used.update(track.modules)
    for module_id in sorted(set(modules) - used):
        problems.append(Problem(str(path), f"module '{module_id}' is in no track"))
    if not found:
        problems.append(Problem(str(path), "no tracks"))


# -- the glossary and the library -----------------------------------------------------------------
def glossary_file(terms: Iterable[Term], path: Path, problems: list[Problem]) -> None:
    """One language's terms: ids unique, and names a person can tell apart."""
    ids: set[str] = set()
    names: set[str] = set()
    for term in terms:
        where = f"{path}, term {term.id}"
        if term.id in ids:
            problems.append(Problem(where, "the same term id twice"))
        if term.term.casefold() in names:  # /glossary <word> could not tell them apart
            problems.append(Problem(where, f"the term '{term.term}' twice"))
        ids.add(term.id)
        names.add(term.term.casefold())


def glossary_languages(terms: dict[str, dict[str, Term]], fallback: str, folder: Path,
                       problems: list[Problem]) -> None:
    """Every language has English's terms and no others; all of them, unless it falls back
    to English."""
    english = terms.get(DEFAULT_LANGUAGE, {})
    for language, entries in terms.items():
        where = str(folder / f"{language}.toml")
        for unknown in sorted(entries.keys() - english.keys()):
            problems.append(Problem(where, f"term '{unknown}' is not in en.toml"))
        if fallback != DEFAULT_LANGUAGE:
            for missing in sorted(english.keys() - entries.keys()):
                problems.append(Problem(where, f"term '{missing}' is missing and there is no "
                                               "fallback = \"en\" in glossary.toml"))


def links(modules: dict[str, Module], glossary: Glossary, root: Path,
          problems: list[Problem]) -> None:
    """Every term a card links is in the glossary."""
    known = set(glossary.ids)
    for module in modules.values():
        for card in module.texts[DEFAULT_LANGUAGE].cards:
            for term_id in card.terms:
                if term_id not in known:
                    problems.append(Problem(
                        f"{root / 'modules' / module.id / 'en.toml'}, card {card.id}",
                        f"links term '{term_id}', which is not in the glossary"))


def item_tracks(named: Iterable[str], tracks: Collection[str], where: str,
                problems: list[Problem]) -> None:
    """A hub item lists tracks that exist."""
    for track_id in named:
        if track_id not in tracks:
            problems.append(Problem(where, f"track '{track_id}' is not in tracks.toml"))


def listed_files(folder: Path, listed: Collection[str], manifest: str,
                 problems: list[Problem]) -> None:
    """A language file its manifest does not list would be silently ignored: say so."""
    for extra in sorted(folder.glob("*.toml")):
        if extra.stem not in (*listed, manifest):
            problems.append(Problem(str(extra), f"not listed in {manifest}.toml translations"))

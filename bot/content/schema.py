"""The content pack's files as written: one pydantic model per kind of file, card and table.

What is checked here holds for one value at a time: its type, that a key is known and a
required one given, ids, the length of every text, a quiz's tries. What needs several values
(a quiz has a correct answer, a choice leads to a step that exists, every language is there, a
track names a module that exists) is checked by hand in :mod:`bot.content.checks`. A card's
``kind`` says which model reads it, so a key that only some kinds have (``tries`` on a text
card) is named as such. Texts are stripped of surrounding blank lines before they are measured.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    StrictBool,
    StringConstraints,
    ValidationInfo,
)
from pydantic_core import PydanticCustomError

from bot.i18n import DEFAULT_LANGUAGE

MAX_CARD_TEXT = 600  # one phone screen
MAX_FEEDBACK = 300
MAX_LABEL = 40  # a button on a narrow screen
MAX_TITLE = MAX_LABEL * 2
MAX_SUMMARY = 200
MIN_CARDS, MAX_CARDS = 3, 8
MAX_TRIES = 5  # a quiz's answers before its feedback is final; one digit in the player's state
ID = re.compile(r"[a-z0-9][a-z0-9-]{0,23}")
ID_RULE = "id: 1-24 of a-z 0-9 -, starting with a letter or digit"
# The longest button data a choice needs: "1:ans:<module>:<card>:<choice>" (see handlers).
CHOICE_DATA = "1:ans:{module}:{card}:{choice}"
MAX_TERM = 40  # a button: "📖 <term>"
MAX_DEFINITION = 320  # one to three short sentences
MAX_CARD_TERMS = 3  # buttons under a card cost bytes on every card shown
MAX_ITEM_TITLE = 80
MAX_ITEM_BYTES = 12_000  # a knowledge-hub document, downloaded on slow, costly connections
MAX_TAGS = 5  # tags, or tracks, one hub item lists

# Every message raised here is written for the person editing the file; `problems` prints it
# as it is, after the file and the place.
OWN_ERROR = "content"


def _id_list(value: object, info: ValidationInfo) -> object:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PydanticCustomError(OWN_ERROR, "'{field}' must be a list of ids",
                                  {"field": info.field_name})
    return value


def _distinct(value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
    if len(set(value)) != len(value):
        raise PydanticCustomError(OWN_ERROR, "'{field}' names the same id twice",
                                  {"field": info.field_name})
    return value


def _tries(value: object) -> int:
    # Not a plain int: TOML's true and "2" must not pass for a number of tries.
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_TRIES:
        raise PydanticCustomError(OWN_ERROR, "'tries' must be a whole number from 1 to {most}",
                                  {"most": MAX_TRIES})
    return value


def _fits_a_download(body: str) -> str:
    size = len(body.encode())
    if size > MAX_ITEM_BYTES:
        raise PydanticCustomError(
            OWN_ERROR, "the body is {size} bytes; at most {most} (it is downloaded on slow links)",
            {"size": size, "most": MAX_ITEM_BYTES})
    return body


Id = Annotated[str, StringConstraints(pattern=f"^{ID.pattern}$")]
CardTerms = Annotated[tuple[Id, ...], BeforeValidator(_id_list),
                      Field(max_length=MAX_CARD_TERMS), AfterValidator(_distinct)]
Tags = Annotated[tuple[Id, ...], BeforeValidator(_id_list), Field(max_length=MAX_TAGS),
                 AfterValidator(_distinct)]
Tries = Annotated[int, PlainValidator(_tries)]


def _text(most: int, *, required: bool = True) -> StringConstraints:
    return StringConstraints(strip_whitespace=True, min_length=1 if required else None,
                             max_length=most)


CardText = Annotated[str, _text(MAX_CARD_TEXT)]
Label = Annotated[str, _text(MAX_LABEL)]
Feedback = Annotated[str, _text(MAX_FEEDBACK, required=False)]
Body = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1),
                 AfterValidator(_fits_a_download)]


class _Table(BaseModel):
    """A TOML table: a key it does not know is a mistake (a typo, or on the wrong card)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# -- modules: module.toml and <lang>.toml ----------------------------------------------------
class Manifest(_Table):
    """``module.toml`` and ``glossary/glossary.toml``: which languages, and the fallback."""

    translations: tuple[str, ...] = (DEFAULT_LANGUAGE,)
    fallback: str = ""


class QuizChoice(_Table):
    id: Id
    label: Label
    correct: StrictBool = False
    feedback: Feedback = ""  # required, but `checks` says why: every quiz answer needs one


class StepChoice(_Table):
    id: Id
    label: Label
    next: Id  # the step it leads to


class ScenarioStep(_Table):
    id: Id
    text: CardText
    choices: tuple[StepChoice, ...] = ()
    end: StrictBool = False  # a debrief: what worked, what failed, and why


class _Card(_Table):
    id: Id
    terms: CardTerms = ()  # glossary term ids; set in en.toml, translations inherit them


class TextCard(_Card):
    kind: Literal["text"]
    text: CardText


class ReflectionCard(_Card):
    kind: Literal["reflection"]
    text: CardText


class QuizCard(_Card):
    kind: Literal["quiz"]
    text: CardText
    choices: tuple[QuizChoice, ...] = ()
    tries: Tries | None = None  # set in en.toml, translations inherit it; None means 1


class ScenarioCard(_Card):
    kind: Literal["scenario"]
    text: Annotated[str, _text(MAX_CARD_TEXT, required=False)] = ""
    start: Id
    steps: tuple[ScenarioStep, ...] = ()


AnyCard = TextCard | QuizCard | ReflectionCard | ScenarioCard
CARD_MODELS: dict[str, type[_Card]] = {
    get_args(model.model_fields["kind"].annotation)[0]: model
    for model in get_args(AnyCard)}
CARD_KINDS = tuple(CARD_MODELS)


class ModuleFile(_Table):
    """``modules/<module>/<lang>.toml``: the module in one language."""

    title: Annotated[str, _text(MAX_TITLE)]
    summary: Annotated[str, _text(MAX_SUMMARY)]
    cards: tuple[Annotated[AnyCard, Field(discriminator="kind")], ...] = ()


# -- tracks.toml -----------------------------------------------------------------------------
TrackKind = Literal["core", "elective", "safety"]
TRACK_KINDS = get_args(TrackKind)


class TrackEntry(_Table):
    id: Id
    kind: TrackKind
    title: dict[str, str] = Field(default_factory=dict)  # by language; `checks` wants all
    modules: tuple[Id, ...] = ()


class TracksFile(_Table):
    tracks: tuple[TrackEntry, ...] = ()


# -- the glossary: glossary/<lang>.toml --------------------------------------------------------
class TermEntry(_Table):
    id: Id
    term: Annotated[str, _text(MAX_TERM)]  # the words as a person would type or see them
    text: Annotated[str, _text(MAX_DEFINITION)]  # the plain-language explanation


class GlossaryFile(_Table):
    terms: tuple[TermEntry, ...] = ()


# -- the knowledge hub: library/<item>.toml ------------------------------------------------------
LibraryType = Literal["case-study", "after-action", "checklist", "template", "toolkit", "story"]
LIBRARY_TYPES = get_args(LibraryType)


class LibraryItemFile(BaseModel):
    """A hub item: these keys, and one table per language (read as :class:`ItemTextFile` once
    `checks` has found the language known)."""

    model_config = ConfigDict(extra="allow", frozen=True)

    type: LibraryType
    tracks: Tags = ()
    tags: Tags = ()
    fallback: str = ""


ITEM_FIELDS = tuple(LibraryItemFile.model_fields)  # every other table is a language


class ItemTextFile(_Table):
    title: Annotated[str, _text(MAX_ITEM_TITLE)]
    summary: Annotated[str, _text(MAX_SUMMARY)]
    body: Body

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

Where things live: :mod:`~bot.content.schema` (each file's shape, as pydantic models, and the
limits), :mod:`~bot.content.checks` (what holds between values, files and languages),
:mod:`~bot.content.loading` (reading a pack), :mod:`~bot.content.model` (the pack the bot
uses), :mod:`~bot.content.problems` (how a problem is said).
"""

from bot.content.loading import check, load
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
    fallbacks,
)
from bot.content.problems import ContentError, Problem
from bot.content.schema import (
    CARD_KINDS,
    LIBRARY_TYPES,
    MAX_CARD_TERMS,
    MAX_CARD_TEXT,
    MAX_CARDS,
    MAX_DEFINITION,
    MAX_FEEDBACK,
    MAX_ITEM_BYTES,
    MAX_ITEM_TITLE,
    MAX_LABEL,
    MAX_SUMMARY,
    MAX_TAGS,
    MAX_TERM,
    MAX_TRIES,
    MIN_CARDS,
    TRACK_KINDS,
)

__all__ = [
    "CARD_KINDS", "LIBRARY_TYPES", "MAX_CARDS", "MAX_CARD_TERMS", "MAX_CARD_TEXT",
    "MAX_DEFINITION", "MAX_FEEDBACK", "MAX_ITEM_BYTES", "MAX_ITEM_TITLE", "MAX_LABEL",
    "MAX_SUMMARY", "MAX_TAGS", "MAX_TERM", "MAX_TRIES", "MIN_CARDS", "TRACK_KINDS", "Card",
    "Choice", "ContentError", "ContentPack", "Glossary", "ItemText", "LibraryItem", "Module",
    "ModuleText", "Problem", "Step", "Term", "Track", "check", "fallbacks", "load",
]

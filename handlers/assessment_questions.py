"""The needs assessment's questions and their options: what the conversation asks
(:mod:`handlers.assessment`) and what a person's data export shows their answers against."""

from __future__ import annotations

from dataclasses import dataclass

CORE_SKILLS = ("risk", "nv", "media", "coalition")  # the core modules, in track order
FOCUS_TRACKS = {"housing": "housing-justice", "climate": "climate-resilience",
                "migration": "migrant-rights"}


@dataclass(frozen=True)
class Question:
    id: str
    kind: str  # single | multi | rating | text
    options: tuple[str, ...] = ()


QUESTIONS = (
    Question("role", "single", ("organiser", "trainer", "comms", "support", "new")),
    Question("focus", "single", ("housing", "climate", "migration", "other")),
    Question("experience", "single", ("lt1", "1to3", "3to10", "gt10")),
    Question("safety", "single", ("yes", "partly", "no")),
    Question("resources", "multi", ("legal", "comms", "firstaid", "media", "funding")),
    *(Question(f"rate-{skill}", "rating", tuple("12345")) for skill in CORE_SKILLS),
    Question("note", "text"),
)
BY_ID = {q.id: q for q in QUESTIONS}

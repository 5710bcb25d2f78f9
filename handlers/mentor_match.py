"""Who may offer to mentor, when two people are awake together, and which pairs the bot
proposes. Pure functions: no I/O, easy to test on their own.

Offering to mentor is open to people whose latest needs assessment shows experience: three
or more years of organising, or one to three years and at least one core skill rated 4 or 5
(enough to guide someone newer in that skill). Anyone may ask for a mentor.

Proposals pair each ask with at most one offer, best pair first: the same interface language
(they must understand each other), then at least three waking hours in common, then the same
learning track, then the most waking hours in common; ties go to who asked first. Two people
awake together for less than an hour are never proposed (staff can still pair them by hand).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.local_time import resolve

EXPERIENCED = ("3to10", "gt10")
SOME_EXPERIENCE = "1to3"
STRONG_RATING = 4
DAY = 24 * 60
MIN_OVERLAP = 60  # minutes
GOOD_OVERLAP = 3 * 60

Span = tuple[int, int]  # minutes of the UTC day, start inclusive, end exclusive


def can_mentor(answers: dict[str, object]) -> bool:
    experience = answers.get("experience")
    if experience in EXPERIENCED:
        return True
    ratings = [v for k, v in answers.items() if k.startswith("rate-") and isinstance(v, int)]
    return experience == SOME_EXPERIENCE and any(r >= STRONG_RATING for r in ratings)


def utc_offset(zone: str | None, now: datetime) -> int:
    """Minutes east of UTC, today (a person without a zone counts as UTC)."""
    offset = now.astimezone(resolve(zone or "UTC")).utcoffset() or timedelta()
    return int(offset.total_seconds() // 60)


def awake(zone: str | None, quiet_start: int, quiet_end: int, now: datetime) -> tuple[Span, ...]:
    """The waking hours (outside quiet hours) as spans of the UTC day."""
    if quiet_start == quiet_end:
        return ((0, DAY),)
    start = (quiet_end - utc_offset(zone, now)) % DAY
    end = start + (quiet_start - quiet_end) % DAY
    if end <= DAY:
        return ((start, end),)
    return ((start, DAY), (0, end - DAY))


def overlap(a: Iterable[Span], b: Iterable[Span]) -> int:
    """Minutes of the day inside both."""
    spans = list(b)
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in spans)


@dataclass(frozen=True)
class Candidate:
    """Someone with an open offer or ask, as the matcher sees them."""

    participant_id: int
    language: str
    track: str | None
    awake: tuple[Span, ...]
    since: datetime  # when they offered or asked


@dataclass(frozen=True)
class Match:
    mentor: Candidate
    mentee: Candidate
    overlap: int  # waking minutes in common

    @property
    def same_language(self) -> bool:
        return self.mentor.language == self.mentee.language

    @property
    def same_track(self) -> bool:
        return self.mentor.track is not None and self.mentor.track == self.mentee.track

    def rank(self) -> tuple[bool, bool, bool, int, datetime, int, datetime, int]:
        return (not self.same_language, self.overlap < GOOD_OVERLAP, not self.same_track,
                -self.overlap, self.mentee.since, self.mentee.participant_id,
                self.mentor.since, self.mentor.participant_id)


def match(mentor: Candidate, mentee: Candidate) -> Match:
    return Match(mentor, mentee, overlap(mentor.awake, mentee.awake))


def propose(offers: Sequence[Candidate], asks: Sequence[Candidate],
            excluded: AbstractSet[frozenset[int]] = frozenset()) -> list[Match]:
    """Pairs, best first, each person in at most one; ``excluded`` pairs are skipped."""
    possible = [m for mentee in asks for mentor in offers
                if mentor.participant_id != mentee.participant_id
                and frozenset((mentor.participant_id, mentee.participant_id)) not in excluded
                and (m := match(mentor, mentee)).overlap >= MIN_OVERLAP]
    possible.sort(key=Match.rank)
    chosen: list[Match] = []
    mentors: set[int] = set()
    mentees: set[int] = set()
    for candidate in possible:
        if candidate.mentor.participant_id in mentors or \
                candidate.mentee.participant_id in mentees:
            continue
        chosen.append(candidate)
        mentors.add(candidate.mentor.participant_id)
        mentees.add(candidate.mentee.participant_id)
    return chosen

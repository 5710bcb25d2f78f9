"""What a route may ask of an inbound before its handler runs: who may use it (:class:`Role`),
where the person must stand (a step), and what its button carries (typed arguments).

The router (:mod:`handlers.router`) enforces them and answers a mismatch the way the bot always
has: arguments that do not parse are a forged button, a press from a step the person has left
is a stale one, and someone without the role gets the audited refusal of
:func:`handlers.roles.refuse`. A handler then receives its arguments parsed::

    @router.button("lbv", role=COORDINATORS, action="lb-review",
                   args=(int, Choice("a", "p", "b", "d")))
    async def verdict_button(ctx: Ctx, row_id: int, verdict: str) -> Outcome: ...

    @router.button("mtw", args=(int, Maybe(Choice("e"))))  # a trailing "e" or nothing
    async def write_button(ctx: Ctx, pairing_id: int, edit_flag: str | None) -> Outcome: ...

    @router.button("cin", step=NOTE_STEP, args=())  # stale anywhere but at the note
    async def skip_note(ctx: Ctx) -> Outcome: ...

mypy checks each handler's parameters against its ``args``. A step is one step, several
(``step=SUBMIT_STEPS``) or a test of the person (``step=onboarded``); a command may need one
too, and before it answers "finish joining first".

``int`` is a bounded, ASCII-only number (:class:`Int`: nine digits by default, so a forged
"99999999999999999999" never reaches the database) and ``str`` any text; :class:`Choice`,
:class:`Matching` and :class:`Maybe` cover the rest.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Generic, TypeVar

from handlers.context import Ctx, ForgedButton
from storage.models import Participant

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


# -- arguments -------------------------------------------------------------------------------
class Arg(ABC, Generic[T_co]):
    """One argument of a button's data: parsed, or the press is forged."""

    @abstractmethod
    def parse(self, raw: str) -> T_co:
        """The value ``raw`` stands for; raises :class:`ForgedButton` for anything we never
        put in a button."""

    def absent(self) -> T_co:
        """The value when the data ends before this argument (by default: forged)."""
        raise ForgedButton


Spec = Arg[T] | type[T]  # ``int`` and ``str`` stand for Int() and Text()


@dataclass(frozen=True)
class Int(Arg[int]):
    """A whole number of ASCII digits, at most ``digits`` of them: nine fits every integer
    column (a longer one would make PostgreSQL raise instead of the bot answering)."""

    digits: int = 9

    def parse(self, raw: str) -> int:
        if raw.isascii() and raw.isdigit() and len(raw) <= self.digits:
            return int(raw)
        raise ForgedButton


@dataclass(frozen=True)
class Text(Arg[str]):
    """Any text (an id the handler looks up, a token, a card id)."""

    def parse(self, raw: str) -> str:
        return raw


class Choice(Arg[str]):
    """One of a fixed set of words: ``Choice("go", "later")``, ``Choice(*PURPOSES)``."""

    def __init__(self, *options: str) -> None:
        if not options:
            raise ValueError("a choice needs options")
        self.options = frozenset(options)

    def parse(self, raw: str) -> str:
        if raw in self.options:
            return raw
        raise ForgedButton

    def __repr__(self) -> str:
        return f"Choice({', '.join(sorted(self.options))})"


@dataclass(frozen=True)
class Matching(Arg[str]):
    """Text that matches ``pattern`` whole (kept as text: a typed number may be "١٢")."""

    pattern: re.Pattern[str]

    def parse(self, raw: str) -> str:
        if self.pattern.fullmatch(raw):
            return raw
        raise ForgedButton


class Maybe(Arg[T | None]):
    """A trailing argument that some buttons of the key carry and others do not."""

    def __init__(self, spec: Spec[T]) -> None:
        self.arg = arg_of(spec)

    def parse(self, raw: str) -> T | None:
        return self.arg.parse(raw)

    def absent(self) -> T | None:
        return None

    def __repr__(self) -> str:
        return f"Maybe({self.arg!r})"



def arg_of(spec: Spec[T]) -> Arg[T]:
    """The parser a route's argument spec names."""
    if isinstance(spec, Arg):
        return spec
    if spec is int:
        return Int()  # type: ignore[return-value]
    if spec is str:
        return Text()  # type: ignore[return-value]
    raise TypeError(f"no button argument of type {spec!r}: use int, str or an Arg")


def parse_args(specs: tuple[Arg[object], ...], raw: list[str]) -> tuple[object, ...]:
    """Every argument parsed, or :class:`ForgedButton` (too many, too few, or malformed)."""
    if len(raw) > len(specs):
        raise ForgedButton
    given = tuple(spec.parse(value) for spec, value in zip(specs, raw, strict=False))
    return given + tuple(spec.absent() for spec in specs[len(raw):])


# -- steps -----------------------------------------------------------------------------------
StepTest = Callable[[Participant], bool]
Steps = str | Collection[str] | StepTest


def step_test(steps: Steps) -> StepTest:
    """Where a button is still current: one step, any of several, or a test of the person."""
    if isinstance(steps, str):
        return lambda me: me.step == steps
    if callable(steps):
        return steps
    allowed = frozenset(steps)
    return lambda me: me.step in allowed


def onboarded(me: Participant) -> bool:
    """Through onboarding: the main menu's buttons and what they open are current."""
    return me.onboarded_at is not None


def step_prefix(prefix: str) -> StepTest:
    """At any step of a conversation whose steps share ``prefix``."""
    return lambda me: me.step.startswith(prefix)


# -- roles -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Role:
    """Who may use a route (read from the database on every inbound), and the message id a
    refusal answers with; the refusal is audited (``handlers.roles`` names the roles)."""

    name: str
    allows: Callable[[Ctx], bool]
    refusal: str

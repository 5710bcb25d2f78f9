"""Drafts: a person's half-done conversation (a check-in, an incident report, a submission …)
kept in their step data, so it survives restarts and replicas.

Each feature describes its draft as a small pydantic model and reaches it through a
:class:`Slot`, which reads it back checked (a draft from an older release that no longer
fits reads as none) and writes it as plain JSON::

    class StoryDraft(Draft):
        kind: str

    STORY = Slot("st", StoryDraft)
    STORY.save(ctx, StoryDraft(kind="win"))
    draft = STORY.load(ctx)  # StoryDraft | None

Drafts that more than one feature must know live here too: a plan being written belongs to
the plan, and withdrawing the progress consent deletes it (:data:`PLAN_DRAFT`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from handlers.context import Ctx, StaleButton


class Draft(BaseModel):
    """A draft's fields; unknown ones (from an older release) are ignored."""

    model_config = ConfigDict(extra="ignore")


D = TypeVar("D", bound=Draft)


@dataclass(frozen=True)
class Slot(Generic[D]):
    """Where one kind of draft lives in the step data, and its shape."""

    key: str
    shape: type[D]

    def load(self, ctx: Ctx) -> D | None:
        """The person's draft, or None: none kept, or one that no longer fits its shape (or
        someone who never joined: nothing is kept for them)."""
        found = ctx.participant.step_data.get(self.key) if ctx.participant else None
        if not isinstance(found, dict):
            return None
        try:
            return self.shape.model_validate(found)
        except ValidationError:
            return None

    def current(self, ctx: Ctx) -> D:
        """The draft a press or an answer belongs to; with none left (cancelled or finished
        meanwhile) the press is stale."""
        draft = self.load(ctx)
        if draft is None:
            raise StaleButton
        return draft

    def save(self, ctx: Ctx, draft: D) -> None:
        """Keep ``draft`` (one with nothing in it is forgotten)."""
        self._keep(ctx, draft.model_dump(mode="json", exclude_none=True))

    def drop(self, ctx: Ctx) -> None:
        self._keep(ctx, None)

    def _keep(self, ctx: Ctx, value: dict[str, object] | None) -> None:
        data = {k: v for k, v in ctx.me.step_data.items() if k != self.key}
        if value:
            data[self.key] = value
        if data != ctx.me.step_data:  # no write at all when nothing changes
            ctx.me.step_data = data  # a new dict, so the JSON column is seen as changed


# -- shared by more than one feature -------------------------------------------------------
PLAN = "plan"  # where the plan's draft lives; also the button key that opens the plan


class PlanDraft(Draft):
    """A commitment of the plan being written (``what``, then ``who``; "" is the person
    themselves), or the one being changed (``id``); ``at``: the question to come back to."""

    id: int | None = None
    what: str | None = None
    who: str | None = None
    at: str | None = None


PLAN_DRAFT = Slot(PLAN, PlanDraft)

"""Learning: where someone stands in a module, their answers and reflections, and their
needs assessments."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, Encrypted, Keyed, OfParticipant


class ModuleProgress(Keyed, OfParticipant, Base):
    """Where a participant stands in a module: the current card, and the step inside it
    (a scenario's step, or "answered" for a quiz)."""

    __tablename__ = "module_progress"
    __table_args__ = (UniqueConstraint("participant_id", "module_id",
                                       name="uq_module_progress_participant_module"),)

    module_id: Mapped[str] = mapped_column(String(24))
    card_id: Mapped[str] = mapped_column(String(24))
    step_id: Mapped[str] = mapped_column(String(24), default="")
    started_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    completed_at: Mapped[datetime | None]


class CardResult(Keyed, OfParticipant, Base):
    """A quiz answer or a scenario choice, for the person's progress and cohort reports."""

    __tablename__ = "card_results"
    __table_args__ = (Index("ix_card_results_participant", "participant_id", "module_id"),)

    module_id: Mapped[str] = mapped_column(String(24))
    card_id: Mapped[str] = mapped_column(String(24))
    choice_id: Mapped[str] = mapped_column(String(24))
    step_id: Mapped[str] = mapped_column(String(24), default="")
    correct: Mapped[bool | None] = mapped_column(Boolean)
    created_at: Mapped[datetime]


class Reflection(Keyed, OfParticipant, Base):
    """A reflection's text, kept only under the "store my progress" consent."""

    __tablename__ = "reflections"
    __table_args__ = (Index("ix_reflections_participant", "participant_id"),)

    module_id: Mapped[str] = mapped_column(String(24))
    card_id: Mapped[str] = mapped_column(String(24))
    text: Mapped[Encrypted]
    created_at: Mapped[datetime]


class Assessment(Keyed, OfParticipant, Base):
    """One completed needs assessment. The latest counts; earlier ones stay for comparing
    self-ratings before and after the exchange."""

    __tablename__ = "assessments"
    __table_args__ = (Index("ix_assessments_participant", "participant_id", "id"),)

    answers: Mapped[dict[str, object]] = mapped_column(JSON)
    note: Mapped[Encrypted | None]  # only under the progress consent
    recommended_track: Mapped[str] = mapped_column(String(24))
    created_at: Mapped[datetime]

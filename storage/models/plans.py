"""The action brief and what follows it up: commitments, the check-in rounds after an
exchange, each commitment's answer, and the facilitators' digests."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, Encrypted, Keyed, OfExchange, OfParticipant


class Commitment(Keyed, OfParticipant, Base):
    """One commitment of a participant's action brief: what, who is responsible, by when.
    Kept only under the "store my progress" consent."""

    __tablename__ = "commitments"
    __table_args__ = (Index("ix_commitments_participant", "participant_id", "status"),
                      Index("ix_commitments_due", "status", "due_on"))

    what: Mapped[Encrypted]
    who: Mapped[Encrypted] = mapped_column(default="")  # "" = the participant
    due_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | done | dropped
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]


class Checkin(Keyed, OfParticipant, OfExchange, Base):
    """A participant's check-in of one round (days after the exchange's end): sent, skipped
    while paused, or answered. One per person and round, so a round never goes out twice."""

    __tablename__ = "checkins"
    __table_args__ = (
        UniqueConstraint("participant_id", "offset_days",
                         name="uq_checkins_participant_offset"),
        Index("ix_checkins_round", "exchange_id", "offset_days", "status"),
    )

    cohort_id: Mapped[int | None] = mapped_column(ForeignKey("cohorts.id", ondelete="SET NULL"))
    offset_days: Mapped[int] = mapped_column(SmallInteger)
    status: Mapped[str] = mapped_column(String(10))  # sent | paused | answered
    created_at: Mapped[datetime]
    reminded_at: Mapped[datetime | None]
    answered_at: Mapped[datetime | None]
    wellbeing: Mapped[int | None] = mapped_column(SmallInteger)  # 1-5


class CheckinAnswer(Keyed, Base):
    """How one commitment stands at one check-in; the note only under the storage consent."""

    __tablename__ = "checkin_answers"
    __table_args__ = (UniqueConstraint("checkin_id", "commitment_id",
                                       name="uq_checkin_answers_checkin_commitment"),)

    checkin_id: Mapped[int] = mapped_column(ForeignKey("checkins.id", ondelete="CASCADE"))
    commitment_id: Mapped[int] = mapped_column(
        ForeignKey("commitments.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(12))  # done | progress | blocked
    note: Mapped[Encrypted | None]
    circle_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]


class CheckinDigest(Base):
    """That a cohort's facilitators got the digest of a round (so it goes once)."""

    __tablename__ = "checkin_digests"
    __table_args__ = (PrimaryKeyConstraint("cohort_id", "offset_days",
                                           name="pk_checkin_digests"),)

    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"))
    offset_days: Mapped[int] = mapped_column(SmallInteger)
    created_at: Mapped[datetime]

"""What people do together after the training: mentoring, live sessions (attendance and
feedback), stories, and submissions to the knowledge hub."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import OWNER_NEXT, Base, Encrypted, Keyed, OfExchange, OfParticipant


class MentorshipRequest(Keyed, OfParticipant, Base):
    """A participant's offer to mentor, or request for a mentor (one of each at most)."""

    __tablename__ = "mentorship_requests"
    __table_args__ = (UniqueConstraint("participant_id", "kind",
                                       name="uq_mentorship_requests_participant_kind"),)

    kind: Mapped[str] = mapped_column(String(8))  # offer | ask
    created_at: Mapped[datetime]


class Pairing(Keyed, Base):
    """A mentor and a mentee who talk through the bot: neither sees the other's Telegram
    account unless both choose to reveal it."""

    __tablename__ = "pairings"
    __table_args__ = (Index("ix_pairings_mentor", "mentor_id", "status"),
                      Index("ix_pairings_mentee", "mentee_id", "status"))

    mentor_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"))
    mentee_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"))
    cohort_id: Mapped[int | None] = mapped_column(ForeignKey("cohorts.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(10))  # proposed | active | ended
    proposed_by: Mapped[int | None] = mapped_column(BigInteger)  # Telegram id of staff
    mentor_reveals: Mapped[bool] = mapped_column(Boolean, default=False)
    mentee_reveals: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    started_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]


class LiveSession(Keyed, OfExchange, Base):
    """A live session of an exchange: in person, live stream, or an offline pack."""

    __tablename__ = "live_sessions"
    __table_args__ = (Index("ix_live_sessions_start", "starts_at"),)

    title: Mapped[Encrypted]
    starts_at: Mapped[datetime]
    minutes: Mapped[int] = mapped_column(SmallInteger)
    format: Mapped[str] = mapped_column(String(10))  # in_person | stream | offline
    # A place, or a link: where people meet can be what most needs keeping quiet.
    where: Mapped[Encrypted] = mapped_column(default="")
    language: Mapped[str] = mapped_column(String(8))
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime]


class SessionAttendance(OfParticipant, Base):
    """Who said they will attend a session (they get its reminder and, after, its feedback
    prompt), and whether they said they took part."""

    __tablename__ = "session_attendance"
    __table_args__ = (PrimaryKeyConstraint("session_id", "participant_id",
                                           name="pk_session_attendance"),)

    session_id: Mapped[int] = mapped_column(ForeignKey("live_sessions.id", ondelete="CASCADE"),
                                            sort_order=OWNER_NEXT)
    created_at: Mapped[datetime]


class SessionFeedback(Keyed, OfParticipant, Base):
    """Feedback on a session: pacing, inclusivity, usefulness (1-5) and an optional text."""

    __tablename__ = "session_feedback"
    __table_args__ = (UniqueConstraint("session_id", "participant_id",
                                       name="uq_session_feedback_session_participant"),)

    session_id: Mapped[int] = mapped_column(ForeignKey("live_sessions.id", ondelete="CASCADE"),
                                            sort_order=OWNER_NEXT)
    pacing: Mapped[int | None] = mapped_column(SmallInteger)
    inclusivity: Mapped[int | None] = mapped_column(SmallInteger)
    usefulness: Mapped[int | None] = mapped_column(SmallInteger)
    text: Mapped[Encrypted | None]
    created_at: Mapped[datetime]


class Story(Keyed, OfParticipant, Base):
    """A participant's story (a win or a loss), shown to their cohort only while they consent
    to sharing; they can withdraw it."""

    __tablename__ = "stories"
    __table_args__ = (Index("ix_stories_cohort", "cohort_id", "id"),)

    cohort_id: Mapped[int | None] = mapped_column(ForeignKey("cohorts.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(8))  # win | loss
    text: Mapped[Encrypted]
    created_at: Mapped[datetime]


class LibrarySubmission(Keyed, Base):
    """A participant's story or after-action review proposed for the knowledge hub, with the
    author's consent; a coordinator approves or declines it."""

    __tablename__ = "library_submissions"

    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"))
    submitted_by: Mapped[int] = mapped_column(BigInteger)  # Telegram id of the facilitator
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[Encrypted]
    text: Mapped[Encrypted]
    language: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(10))  # awaiting | approved | declined
    created_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]

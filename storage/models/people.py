"""Exchanges, their cohorts and the people in them: invites, the consent ledger, and the
audit log of what staff did."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.crypto import SecretJson
from storage.models.base import Base, Encrypted, Keyed, OfExchange, OfParticipant

DEFAULT_CHECKIN_OFFSETS = (7, 30, 90, 365)


class Exchange(Keyed, Base):
    __tablename__ = "exchanges"

    slug: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime]
    # Days after the end date when coaching-circle check-ins go out (/checkins changes them).
    checkin_offsets: Mapped[list[int]] = mapped_column(
        JSON, default=lambda: list(DEFAULT_CHECKIN_OFFSETS))
    # What a reporter is shown when no safety contact can be reached (local emergency numbers,
    # a legal hotline …); a coordinator writes it (/emergency).
    emergency_text: Mapped[Encrypted | None]


class Cohort(Keyed, OfExchange, Base):
    __tablename__ = "cohorts"
    __table_args__ = (UniqueConstraint("exchange_id", "name", name="uq_cohorts_exchange_name"),)

    name: Mapped[str] = mapped_column(String(120))
    # The handle admin commands use; an exchange's first cohort shares the exchange's slug.
    slug: Mapped[str] = mapped_column(String(48), unique=True)
    # The facilitator of the week (the seed's rotating facilitation), handed on by /rotate.
    facilitator_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL", use_alter=True))
    created_at: Mapped[datetime]


class InviteCode(Keyed, Base):
    __tablename__ = "invite_codes"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(20), default="participant")
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    uses: Mapped[int] = mapped_column(Integer, default=0)


class Participant(Keyed, Base):
    """A person who talks to the bot. ``step`` is where their conversation stands."""

    __tablename__ = "participants"

    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    cohort_id: Mapped[int | None] = mapped_column(
        ForeignKey("cohorts.id", ondelete="SET NULL"), index=True
    )
    role: Mapped[str] = mapped_column(String(20), default="participant")
    language: Mapped[str] = mapped_column(String(8), default="en")
    step: Mapped[str] = mapped_column(String(40), default="")
    # Half-written drafts (a plan, an incident, a broadcast …): encrypted like the finished text.
    step_data: Mapped[dict[str, object]] = mapped_column(SecretJson(), default=dict)
    region: Mapped[str | None] = mapped_column(String(30))
    timezone: Mapped[str | None] = mapped_column(String(64))
    # Minutes after local midnight; the span may cross midnight (21:00–08:00).
    quiet_start: Mapped[int] = mapped_column(SmallInteger, default=21 * 60)
    quiet_end: Mapped[int] = mapped_column(SmallInteger, default=8 * 60)
    coc_accepted_at: Mapped[datetime | None]
    onboarded_at: Mapped[datetime | None]
    current_module: Mapped[str | None] = mapped_column(String(24))  # what /continue opens
    track_id: Mapped[str | None] = mapped_column(String(24))  # the track they chose
    # A digest of "<message id>:<data>" of the last button acted on (a double tap).
    last_press: Mapped[str | None] = mapped_column(String(80))
    # The name a facilitator chooses to be shown to their cohort (we never read Telegram names).
    alias: Mapped[Encrypted | None]
    paused_until: Mapped[datetime | None]  # /pause: no nudges
    # Gentle reminders of an unfinished module: how many since the last progress, and when.
    module_nudges: Mapped[int] = mapped_column(SmallInteger, default=0)
    module_nudged_at: Mapped[datetime | None]
    blocked_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class ConsentEvent(Keyed, OfParticipant, Base):
    """Append-only consent ledger: the latest row per purpose is the current decision."""

    __tablename__ = "consent_events"
    __table_args__ = (Index("ix_consent_events_lookup", "participant_id", "purpose", "id"),)

    purpose: Mapped[str] = mapped_column(String(20))
    granted: Mapped[bool] = mapped_column(Boolean)
    policy_version: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime]


class AuditEntry(Keyed, Base):
    """Every admin action and every refused attempt: who, what, on what, when."""

    __tablename__ = "audit_log"

    actor_id: Mapped[int] = mapped_column(BigInteger)  # Telegram id of who acted
    action: Mapped[str] = mapped_column(String(30))
    target: Mapped[str] = mapped_column(String(80), default="")
    outcome: Mapped[str] = mapped_column(String(10))  # ok | refused | invalid
    created_at: Mapped[datetime]

"""Messages in and out: the Telegram updates received, the outbox the dispatcher sends from,
and the broadcasts (with their answers) that fill it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.crypto import SecretJson
from storage.models.base import OWNER_NEXT, Base, Encrypted, Keyed, OfParticipant


class TelegramUpdate(Base):
    """Every update a bot received, so each is handled once and answered once.

    ``received`` (payload kept until handled) → ``handled`` (the outcome kept until delivered)
    → ``delivered`` (content gone; the row stays a while to recognise a late duplicate);
    ``malformed``: the framework could not read it (kept as it came, never handled)."""

    __tablename__ = "telegram_updates"
    __table_args__ = (
        PrimaryKeyConstraint("bot_id", "update_id", name="pk_telegram_updates"),
        Index("ix_telegram_updates_pending", "bot_id", "status"),
    )

    bot_id: Mapped[int] = mapped_column(BigInteger)
    update_id: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(10))
    # What the person sent, and the replies (documents included) waiting to go: encrypted
    # like everything people write, for the moments they sit here.
    payload: Mapped[Encrypted | None]
    outcome: Mapped[Encrypted | None]
    received_at: Mapped[datetime]


class OutboxMessage(Keyed, Base):
    """One message to one chat, sent by the dispatcher under Telegram's rate limits.

    ``pending`` → ``claimed`` (leased by a dispatcher) → ``sending`` (the request may have
    left) → ``sent`` | ``unreachable`` | ``failed``. A send whose fate is unknown goes back to
    ``pending`` as a possible ``repeat`` in the urgent lane, and ends ``unknown`` in the
    others (``resent`` once its sender sent it again). :mod:`storage.outbox` has the policy."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_due", "status", "lane", "next_attempt_at"),
        Index("ix_outbox_broadcast", "broadcast_id", "status"),
    )

    key: Mapped[str] = mapped_column(String(80), unique=True)  # idempotency: one per purpose
    chat_id: Mapped[int] = mapped_column(BigInteger)
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True)
    broadcast_id: Mapped[int | None] = mapped_column(
        ForeignKey("broadcasts.id", ondelete="CASCADE"))
    text: Mapped[Encrypted]  # relayed messages pass through here
    html: Mapped[bool] = mapped_column(Boolean, default=False)
    # Labels a facilitator typed (a prompt's reply buttons) travel here too.
    buttons: Mapped[list[list[list[str]]]] = mapped_column(SecretJson(), default=list)
    status: Mapped[str] = mapped_column(String(12))
    attempts: Mapped[int] = mapped_column(SmallInteger, default=0)
    next_attempt_at: Mapped[datetime]
    claimed_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    error: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime]
    lane: Mapped[str] = mapped_column(String(8), default="bulk")  # see storage.outbox
    # Only for fair turns between exchanges: no foreign key, a deleted exchange's rows go on.
    exchange_id: Mapped[int | None] = mapped_column(Integer)
    repeat: Mapped[bool] = mapped_column(Boolean, default=False)  # sent marked as maybe twice


class Broadcast(Keyed, Base):
    """A prompt from a facilitator or coordinator to a cohort, or a segment of it."""

    __tablename__ = "broadcasts"
    __table_args__ = (Index("ix_broadcasts_due", "status", "send_at"),)

    sender_id: Mapped[int] = mapped_column(BigInteger)  # Telegram id (= private chat id)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"))
    segment: Mapped[str] = mapped_column(String(60))  # "all" or "<field>=<value>"
    text: Mapped[Encrypted]
    html: Mapped[bool] = mapped_column(Boolean, default=False)
    options: Mapped[list[str]] = mapped_column(SecretJson(), default=list)  # reply labels
    send_at: Mapped[datetime]
    # scheduled → queued (outbox rows written) → done; or cancelled / failed
    status: Mapped[str] = mapped_column(String(12))
    total: Mapped[int] = mapped_column(Integer, default=0)
    skipped_consent: Mapped[int] = mapped_column(Integer, default=0)
    skipped_blocked: Mapped[int] = mapped_column(Integer, default=0)
    status_message_id: Mapped[int | None] = mapped_column(BigInteger)  # edited with progress
    created_at: Mapped[datetime]


class BroadcastAnswer(Keyed, OfParticipant, Base):
    """A recipient's answer to a prompt's reply buttons; a second press changes it."""

    __tablename__ = "broadcast_answers"
    __table_args__ = (UniqueConstraint("broadcast_id", "participant_id",
                                       name="uq_broadcast_answers_broadcast_participant"),)

    broadcast_id: Mapped[int] = mapped_column(ForeignKey("broadcasts.id", ondelete="CASCADE"),
                                              sort_order=OWNER_NEXT)
    option: Mapped[int] = mapped_column(SmallInteger)
    created_at: Mapped[datetime]

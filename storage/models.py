"""Tables. Migrations in ``storage/migrations`` are the source of truth for the schema;
these classes must match them (a test compares the two).

What many tables share is written once: the mixins :class:`Keyed`, :class:`OfParticipant` and
:class:`OfExchange` give a row its number and what it belongs to; every ``Mapped[datetime]`` is
an aware UTC moment (:class:`~storage.types.UtcDateTime`); :data:`Encrypted` marks what people
write, encrypted at rest."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from storage.crypto import SecretJson, SecretText
from storage.types import UtcDateTime

DEFAULT_CHECKIN_OFFSETS = (7, 30, 90, 365)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Text people write (or that reveals them): encrypted at rest, plain text in Python.
Encrypted = Annotated[str, mapped_column(SecretText())]

# A table lists its number first, then what the row belongs to, then its own columns as the
# class writes them: the order /mydata shows a person their fields in. A mixin's columns would
# otherwise come after the class's own; a class's own owner key (``broadcast_id`` beside
# ``participant_id``) takes ``OWNER_NEXT`` too, and goes before the mixin's. ``created_at`` is
# written where it stands in each class for the same reason: in nine tables columns follow it.
KEY_FIRST, OWNER_NEXT = -2, -1


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    # Every moment an aware UTC datetime (SQLite would hand back naive ones).
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UtcDateTime()}


class Keyed:
    """A numbered row: ``id``, its first column."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True, sort_order=KEY_FIRST)


class OfParticipant:
    """A row of one participant's, gone when they are (forgetting someone cascades).

    A mixin's ``ForeignKey`` is copied to each table that uses it (SQLAlchemy 2), so these
    need no ``declared_attr``."""

    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), sort_order=OWNER_NEXT)


class OfExchange:
    """A row of one exchange, gone with it."""

    exchange_id: Mapped[int] = mapped_column(
        ForeignKey("exchanges.id", ondelete="CASCADE"), sort_order=OWNER_NEXT)


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


class AuditEntry(Keyed, Base):
    """Every admin action and every refused attempt: who, what, on what, when."""

    __tablename__ = "audit_log"

    actor_id: Mapped[int] = mapped_column(BigInteger)  # Telegram id of who acted
    action: Mapped[str] = mapped_column(String(30))
    target: Mapped[str] = mapped_column(String(80), default="")
    outcome: Mapped[str] = mapped_column(String(10))  # ok | refused | invalid
    created_at: Mapped[datetime]


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


class BroadcastAnswer(Keyed, OfParticipant, Base):
    """A recipient's answer to a prompt's reply buttons; a second press changes it."""

    __tablename__ = "broadcast_answers"
    __table_args__ = (UniqueConstraint("broadcast_id", "participant_id",
                                       name="uq_broadcast_answers_broadcast_participant"),)

    broadcast_id: Mapped[int] = mapped_column(ForeignKey("broadcasts.id", ondelete="CASCADE"),
                                              sort_order=OWNER_NEXT)
    option: Mapped[int] = mapped_column(SmallInteger)
    created_at: Mapped[datetime]


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


class Incident(Keyed, Base):
    """A safety incident report. An anonymous one has no reporter: nothing links it to the
    person, and its time is kept to the day."""

    __tablename__ = "incidents"
    __table_args__ = (Index("ix_incidents_exchange", "exchange_id", "status"),
                      Index("ix_incidents_routing", "status", "circle"))

    exchange_id: Mapped[int | None] = mapped_column(
        ForeignKey("exchanges.id", ondelete="SET NULL"))
    reporter_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL"))
    what: Mapped[Encrypted]
    happened: Mapped[str] = mapped_column(String(20))  # today | yesterday | week | earlier | date
    place: Mapped[Encrypted | None]  # coarse, optional
    severity: Mapped[str] = mapped_column(String(10))  # low | medium | high | urgent
    status: Mapped[str] = mapped_column(String(12))  # open | acknowledged | handled
    created_at: Mapped[datetime]
    acknowledged_at: Mapped[datetime | None]
    handled_at: Mapped[datetime | None]
    # The widest circle told so far (0 safety contacts, 1 coordinators, 2 every administrator;
    # None: nobody reachable yet) and when: an unacknowledged report escalates from there.
    circle: Mapped[int | None] = mapped_column(SmallInteger)
    routed_at: Mapped[datetime | None]
    note: Mapped[Encrypted | None]  # the safety desk's private note
    noted_at: Mapped[datetime | None]


class Story(Keyed, OfParticipant, Base):
    """A participant's story (a win or a loss), shown to their cohort only while they consent
    to sharing; they can withdraw it."""

    __tablename__ = "stories"
    __table_args__ = (Index("ix_stories_cohort", "cohort_id", "id"),)

    cohort_id: Mapped[int | None] = mapped_column(ForeignKey("cohorts.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(8))  # win | loss
    text: Mapped[Encrypted]
    created_at: Mapped[datetime]

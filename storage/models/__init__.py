"""Tables, one module per area. Migrations in ``storage/migrations`` are the source of truth
for the schema; these classes must match them (a test compares the two).

Import models from here (``from storage.models import Participant``): importing this package
defines every table, so ``Base.metadata`` (which Alembic compares against) is complete.

- :mod:`~storage.models.base`: the declarative base, the shared mixins, ``Encrypted``;
- :mod:`~storage.models.people`: exchanges, cohorts, invites, participants, consent, audit;
- :mod:`~storage.models.learning`: module progress, answers, reflections, assessments;
- :mod:`~storage.models.delivery`: updates received, the outbox, broadcasts and answers;
- :mod:`~storage.models.plans`: commitments and the check-ins that follow them up;
- :mod:`~storage.models.community`: mentoring, live sessions, stories, library submissions;
- :mod:`~storage.models.safety`: incident reports.
"""

from __future__ import annotations

from storage.models.base import Base, Encrypted, Keyed, OfExchange, OfParticipant
from storage.models.community import (
    LibrarySubmission,
    LiveSession,
    MentorshipRequest,
    Pairing,
    SessionAttendance,
    SessionFeedback,
    Story,
)
from storage.models.delivery import Broadcast, BroadcastAnswer, OutboxMessage, TelegramUpdate
from storage.models.learning import Assessment, CardResult, ModuleProgress, Reflection
from storage.models.people import (
    DEFAULT_CHECKIN_OFFSETS,
    AuditEntry,
    Cohort,
    ConsentEvent,
    Exchange,
    InviteCode,
    Participant,
)
from storage.models.plans import Checkin, CheckinAnswer, CheckinDigest, Commitment
from storage.models.safety import Incident

__all__ = [
    "DEFAULT_CHECKIN_OFFSETS",
    "Assessment",
    "AuditEntry",
    "Base",
    "Broadcast",
    "BroadcastAnswer",
    "CardResult",
    "Checkin",
    "CheckinAnswer",
    "CheckinDigest",
    "Cohort",
    "Commitment",
    "ConsentEvent",
    "Encrypted",
    "Exchange",
    "Incident",
    "InviteCode",
    "Keyed",
    "LibrarySubmission",
    "LiveSession",
    "MentorshipRequest",
    "ModuleProgress",
    "OfExchange",
    "OfParticipant",
    "OutboxMessage",
    "Pairing",
    "Participant",
    "Reflection",
    "SessionAttendance",
    "SessionFeedback",
    "Story",
    "TelegramUpdate",
]

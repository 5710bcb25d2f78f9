"""Safety incident reports."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, Encrypted, Keyed


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

"""What every table shares: the declarative ``Base`` (its naming convention, and every
``Mapped[datetime]`` an aware UTC moment, :class:`~storage.types.UtcDateTime`), the mixins
:class:`Keyed`, :class:`OfParticipant` and :class:`OfExchange` that give a row its number and
what it belongs to, and :data:`Encrypted`, which marks what people write, encrypted at rest."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, ClassVar

from sqlalchemy import ForeignKey, Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from storage.crypto import SecretText
from storage.types import UtcDateTime

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

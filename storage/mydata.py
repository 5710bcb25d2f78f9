"""Everything stored about one person (``/mydata``), found from the schema itself, so a table
added later is covered without anyone remembering to list it.

A row is theirs when it
- is their participant row;
- references it through any foreign key to ``participants`` (``participant_id``,
  ``reporter_id``, ``mentor_id`` …);
- hangs, by a cascading foreign key, off a row of theirs and has no participant key of its
  own (a check-in's answers): it exists only because theirs does;
- holds their Telegram id in a column that records who did something
  (:data:`TELEGRAM_ID_COLUMNS`): the staff who created an invite, sent a prompt …

Other people's Telegram ids in those rows are left out of what the person gets.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import BigInteger, Column, Table, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Base

PARTICIPANTS = "participants"
# Columns that hold a Telegram id (a person's, or their private chat's) instead of a
# participant id. A test fails for any BigInteger column in neither of these two maps.
TELEGRAM_ID_COLUMNS: dict[str, tuple[str, ...]] = {
    "audit_log": ("actor_id",),
    "broadcasts": ("sender_id",),
    "outbox": ("chat_id",),
    "invite_codes": ("created_by",),
    "exchanges": ("created_by",),
    "library_submissions": ("submitted_by",),
    "pairings": ("proposed_by",),
    "live_sessions": ("created_by",),
}
NOT_A_PERSON: dict[str, tuple[str, ...]] = {
    PARTICIPANTS: ("telegram_id",),  # the participant row itself: theirs, and erased whole
    "telegram_updates": ("bot_id", "update_id"),  # in-flight updates: see storage.erasure
    "broadcasts": ("status_message_id",),  # a message id inside the sender's chat
}
CHUNK = 500  # bound parameters per IN list, far below SQLite's and asyncpg's limits

Rows = dict[str, list[dict[str, Any]]]


def participant_keys(tables: Sequence[Table] | None = None) -> dict[Table, list[Column[Any]]]:
    """Each table with foreign keys to ``participants``, and those columns."""
    found: dict[Table, list[Column[Any]]] = {}
    for table in tables if tables is not None else Base.metadata.sorted_tables:
        columns = [key.parent for key in table.foreign_keys
                   if key.column.table.name == PARTICIPANTS]
        if columns and table.name != PARTICIPANTS:
            found[table] = sorted(columns, key=lambda c: c.name)
    return found


def dependent_keys(tables: Sequence[Table] | None = None
                   ) -> dict[Table, list[tuple[Column[Any], Column[Any]]]]:
    """Tables without a participant key whose rows cascade from rows that have one (or from
    such dependants): each with its (column, referenced column) links, parents first."""
    ordered = list(tables if tables is not None else Base.metadata.sorted_tables)
    keyed = participant_keys(ordered)
    # Only rows that go with the person are theirs: a cohort whose facilitator they are
    # (SET NULL) is not, nor is what hangs off it.
    owners = {table for table, columns in keyed.items()
              if any(key.ondelete == "CASCADE" for column in columns
                     for key in column.foreign_keys)}
    found: dict[Table, list[tuple[Column[Any], Column[Any]]]] = {}
    for table in ordered:  # sorted_tables lists a parent before its children
        if table in keyed or table.name == PARTICIPANTS:
            continue
        links = [(key.parent, key.column) for key in table.foreign_keys
                 if key.ondelete == "CASCADE" and (key.column.table in owners
                                                   or key.column.table in found)]
        if links:
            found[table] = links
    return found


def telegram_id_columns(tables: Sequence[Table] | None = None
                        ) -> dict[Table, list[Column[Any]]]:
    found: dict[Table, list[Column[Any]]] = {}
    for table in tables if tables is not None else Base.metadata.sorted_tables:
        names = TELEGRAM_ID_COLUMNS.get(table.name, ())
        if names:
            found[table] = [table.c[name] for name in names]
    return found


def unclassified_big_integers() -> list[str]:
    """``table.column`` of BigInteger columns nobody has said are, or are not, Telegram ids."""
    known = {(t, c) for table_map in (TELEGRAM_ID_COLUMNS, NOT_A_PERSON)
             for t, columns in table_map.items() for c in columns}
    return [f"{table.name}.{column.name}" for table in Base.metadata.sorted_tables
            for column in table.columns
            if isinstance(column.type, BigInteger) and (table.name, column.name) not in known]


def _chunks(ids: Sequence[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start:start + CHUNK])


async def collect(session: AsyncSession, participant_id: int | None,
                  telegram_id: int) -> Rows:
    """Table name → every row of theirs, all columns, text decrypted (``SecretText``
    columns decrypt on the way out), in schema order; tables with no row are left out."""
    tables = Base.metadata.sorted_tables
    found: dict[str, dict[tuple[Any, ...], dict[str, Any]]] = {}

    async def add(table: Table, where: Any) -> None:
        rows = await session.execute(select(table).where(where))
        keep = found.setdefault(table.name, {})
        for row in rows:
            mapping = dict(row._mapping)
            keep[tuple(mapping[c.name] for c in table.primary_key.columns)] = mapping

    if participant_id is not None:
        participants = Base.metadata.tables[PARTICIPANTS]
        await add(participants, participants.c.id == participant_id)
        for table, columns in participant_keys(tables).items():
            await add(table, or_(*(column == participant_id for column in columns)))
        for table, links in dependent_keys(tables).items():
            for column, target in links:
                parents = found.get(target.table.name, {}).values()
                ids = sorted({row[target.name] for row in parents})
                for chunk in _chunks(ids):
                    await add(table, column.in_(chunk))
    for table, columns in telegram_id_columns(tables).items():
        await add(table, or_(*(column == telegram_id for column in columns)))
        # Whoever else a row names by Telegram id (the staff member who submitted their
        # story, say) is not theirs to learn: those ids are left out.
        for row in found.get(table.name, {}).values():
            for column in columns:
                if row[column.name] != telegram_id:
                    row[column.name] = None
    order = {table.name: i for i, table in enumerate(tables)}
    return {name: [rows[key] for key in sorted(rows)]
            for name, rows in sorted(found.items(), key=lambda item: order[item[0]]) if rows}

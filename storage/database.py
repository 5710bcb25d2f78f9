"""Engine and session factory, with the SQLite settings a busy bot needs; the one insert
that tells PostgreSQL from SQLite."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Insert, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.sql.expression import FromClause, TableClause

SQLITE_BUSY_TIMEOUT_MS = 5000


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """An async engine; on SQLite: a folder for the file, WAL, a busy timeout, and
    ``BEGIN IMMEDIATE`` so a transaction that reads and then writes cannot fail with
    "database is locked" halfway (it waits for the writer lock up front instead)."""
    if not is_sqlite(url):
        kwargs.setdefault("pool_pre_ping", True)
        return create_async_engine(url, **kwargs)

    database = make_url(url).database or ":memory:"
    if database != ":memory:":
        from pathlib import Path

        Path(database).parent.mkdir(parents=True, exist_ok=True)
    # One connection: every transaction begins IMMEDIATE, and SQLite has one writer. A
    # second connection would only wait in SQLite's busy handler, which polls with sleeps;
    # waiting for the pool's one connection hands it over the moment it is free.
    kwargs.setdefault("pool_size", 1)
    kwargs.setdefault("max_overflow", 0)
    # Every session ends in an explicit commit or rollback; a second rollback on return to
    # the pool is pure overhead on the hot path.
    kwargs.setdefault("pool_reset_on_return", None)
    engine = create_async_engine(url, **kwargs)

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from the driver so "begin" below decides.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Straight to the driver: this runs once per update, and the full execution path
        # (compile, events, result) costs more than the statement itself.
        cursor = connection.connection.dbapi_connection.cursor()
        cursor.execute("BEGIN IMMEDIATE")
        cursor.close()

    return engine


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


def dialect_name(session: AsyncSession) -> str:
    """``"postgresql"`` or ``"sqlite"``: the database the session talks to."""
    return session.get_bind().dialect.name


def insert_ignoring_duplicates(database: AsyncSession | str, table: FromClause | type[Any], *,
                               index_elements: Sequence[str] | None = None) -> Insert:
    """``INSERT … ON CONFLICT DO NOTHING`` into ``table`` (a Table or a mapped class) for the
    database of a session, or of a dialect name: both speak it, but SQLAlchemy builds it
    per dialect. ``index_elements``: the unique columns whose clash means "there already";
    any unique clash when None. Add ``.values()``, ``.from_select()``, ``.returning()``."""
    dialect = database if isinstance(database, str) else dialect_name(database)
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    # A mapped class's ``__table__`` is typed as any FromClause; it is a Table.
    target = table if isinstance(table, type) else cast(TableClause, table)
    return insert(target).on_conflict_do_nothing(index_elements=index_elements)

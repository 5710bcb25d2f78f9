"""An aiosqlite-shaped SQLite connection that runs each call inline on the event loop.

Why: aiosqlite runs every call (cursor, execute, fetch, close, commit …) on its own thread and
resumes the caller on a later turn of the event loop. A small transaction takes about ten such
hops, and under load each hop waits behind everything else the loop has to do; since SQLite
has one writer at a time, those waits queue every other transaction behind them. Measured in
``bench/throughput.py``: 172 transactions/s through aiosqlite under load, against 730/s
uncontended. Local SQLite calls on a WAL database take microseconds, so running them inline
costs the loop less than the hops do.

The trade: while another *process* holds SQLite's write lock, a call here blocks the loop for
up to the busy timeout. One bot process owns its SQLite file (replicas use PostgreSQL); our
own transactions queue for the single pooled connection (``storage.database``) before they
reach SQLite.

SQLAlchemy's aiosqlite dialect drives this object through ``async_creator``; only the parts of
aiosqlite's interface that the dialect uses are here.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Iterable
from typing import Any


class InlineCursor:
    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value

    async def execute(self, sql: str, parameters: Any = ()) -> InlineCursor:
        self._cursor.execute(sql, parameters)
        return self

    async def executemany(self, sql: str, parameters: Iterable[Any]) -> InlineCursor:
        self._cursor.executemany(sql, parameters)
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(size if size is not None else self._cursor.arraysize)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def nextset(self) -> None:
        return None

    async def setinputsizes(self, *sizes: Any) -> None:
        return None

    async def close(self) -> None:
        self._cursor.close()

    async def __aenter__(self) -> InlineCursor:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


class _ImmediateQueue:
    """Stands in for aiosqlite's work queue, which the dialect uses to set isolation_level."""

    def put_nowait(self, item: tuple[asyncio.Future[Any], Callable[[], Any]]) -> None:
        future, function = item
        try:
            future.set_result(function())
        except Exception as exc:  # noqa: BLE001 - handed to the awaiting caller
            future.set_exception(exc)


class InlineConnection:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn: sqlite3.Connection | None = connection
        self._tx = _ImmediateQueue()

    @property
    def _connection(self) -> sqlite3.Connection | None:
        return self._conn

    @property
    def isolation_level(self) -> str | None:
        return self._conn.isolation_level if self._conn else None

    def cursor(self) -> InlineCursor:
        """Entered with ``async with`` by the dialect, as aiosqlite's is."""
        if self._conn is None:
            raise ValueError("no active connection")
        return InlineCursor(self._conn.cursor())

    async def commit(self) -> None:
        if self._conn is not None:
            self._conn.commit()

    async def rollback(self) -> None:
        if self._conn is not None:
            self._conn.rollback()

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        if self._conn is not None:
            self._conn.create_function(*args, **kwargs)

    async def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def stop(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def creator(database: str, timeout_s: float) -> Callable[[], Any]:
    async def connect() -> InlineConnection:
        return InlineConnection(sqlite3.connect(database, timeout=timeout_s,
                                                check_same_thread=False))

    return connect

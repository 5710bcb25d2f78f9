"""Group commit: many small units of work that arrive together share one transaction.

Each caller still returns only once its own work is committed, exactly as if it had committed
alone, and gets its own result; under load, the work waiting while one transaction runs goes
together in the next. On SQLite a transaction costs far more than the rows it writes, so this
is what lets per-update writes keep up with Telegram: without it the bot ran at 0.3-0.55x a
bare bot of its framework, and a broadcast at 57-69 % of the rate limit (bench/README.md).
There is no timer: a lone caller is served at once, and batches grow only when there is a
queue.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar, cast

T = TypeVar("T")
R = TypeVar("R")


class GroupCommit(Generic[T, R]):
    """``flush`` runs one transaction for a batch and returns one result per item, in order;
    a flush for plain writes returns None (every caller gets None)."""

    def __init__(self, flush: Callable[[list[T]], Awaitable[Sequence[R] | None]]) -> None:
        self._flush = flush
        self._waiting: list[tuple[T, asyncio.Future[R]]] = []
        self._worker: asyncio.Task[None] | None = None

    async def write(self, item: T) -> R:
        future: asyncio.Future[R] = asyncio.get_running_loop().create_future()
        self._waiting.append((item, future))
        if self._worker is None or self._worker.done():
            self._worker = asyncio.create_task(self._run())
        return await future

    async def _run(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting, []
            try:
                results = await self._flush([item for item, _ in batch])
            except Exception as exc:  # noqa: BLE001 - handed to every caller in the batch
                for _, future in batch:
                    if not future.done():
                        future.set_exception(exc)
                continue
            if results is None:
                results = cast(list[R], [None] * len(batch))
            for (_, future), result in zip(batch, results, strict=True):
                if not future.done():
                    future.set_result(result)

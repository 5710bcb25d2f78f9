"""The bot's updates: queued until a getUpdates offset or a webhook's 2xx confirms them, taken
by long polling (one poll at a time) or POSTed to the webhook set with setWebhook."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable

import aiohttp

from tests.fake_telegram.wire import JSON, ApiError

WEBHOOK_ACTIVE = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
TERMINATED = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)


async def post_update(url: str, update: JSON, secret: str | None = None) -> int:
    """POST ``update`` as JSON to a webhook URL like Telegram does; returns the HTTP status."""
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, json=update, headers=headers,
                     timeout=aiohttp.ClientTimeout(total=30)) as response,
    ):
        await response.read()
        return response.status


class Updates:
    """The update queue; ``on_activity`` is called whenever updates are taken or delivered."""

    def __init__(self, on_activity: Callable[[], None]) -> None:
        self.all: dict[int, JSON] = {}  # every update ever queued, by update_id
        self.pending: dict[int, JSON] = {}
        self.confirmed: set[int] = set()
        self.webhook: JSON | None = None  # params of the active setWebhook
        self.deliveries: list[tuple[int, int]] = []  # (update_id, HTTP status; 0 = error)
        self._forced: set[int] = set()  # update ids delivered whatever allowed_updates says
        self._allowed: set[str] | None = None
        self._last_id = 100_000
        self._on_activity = on_activity
        self._arrived = asyncio.Event()
        self._poll = 0  # the latest getUpdates call; an older one still waiting ends in 409
        self._stopping = False
        self._webhook_task: asyncio.Task[None] | None = None

    def add(self, update: JSON, *, force: bool = False) -> int:
        """Queue ``update`` (an ``update_id`` is assigned when absent); returns its id."""
        update_id = int(update.get("update_id") or self._last_id + 1)
        self._last_id = max(self._last_id, update_id)
        if force:
            self._forced.add(update_id)
        update = {"update_id": update_id, **{k: v for k, v in update.items() if k != "update_id"}}
        self.all[update_id] = self.pending[update_id] = update
        self._wake_pollers()
        self.kick_webhook()
        return update_id

    def _wake_pollers(self) -> None:
        self._arrived.set()
        self._arrived = asyncio.Event()

    def _set_allowed(self, params: JSON) -> None:
        if "allowed_updates" in params:  # persists until a call gives it again
            self._allowed = set(params["allowed_updates"] or []) or None

    def _deliverable(self, limit: int) -> list[JSON]:
        """Pending updates in order, silently confirming kinds allowed_updates leaves out."""
        ready: list[JSON] = []
        for update_id, update in list(self.pending.items()):
            kind = next((k for k in update if k != "update_id"), "")
            if self._allowed and kind not in self._allowed and update_id not in self._forced:
                self._confirm(update_id)
            elif len(ready) < limit:
                ready.append(update)
        return ready

    def _confirm(self, *update_ids: int) -> None:
        for update_id in update_ids:
            self.pending.pop(update_id, None)
            self.confirmed.add(update_id)

    # -- Bot API methods -------------------------------------------------------------------
    async def get_updates(self, params: JSON) -> list[JSON]:
        if self.webhook is not None:
            raise ApiError(409, WEBHOOK_ACTIVE)
        offset = int(params.get("offset") or 0)
        deadline = time.monotonic() + max(float(params.get("timeout") or 0), 0.0)
        self._set_allowed(params)
        self._confirm(*[update_id for update_id in self.pending if update_id < offset])
        self._poll += 1
        poll = self._poll
        self._wake_pollers()  # ends an older long poll, with 409
        while True:
            if poll != self._poll:
                raise ApiError(409, TERMINATED)
            ready = self._deliverable(100)
            remaining = deadline - time.monotonic()
            if ready or self._stopping or remaining <= 0:
                if ready:
                    self._on_activity()
                return ready
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._arrived.wait(), remaining)

    async def set_webhook(self, params: JSON) -> bool:
        self.webhook = params
        self._set_allowed(params)
        self._wake_pollers()
        self.kick_webhook()
        return True

    async def delete_webhook(self, params: JSON) -> bool:
        self.webhook = None
        return True

    # -- webhook delivery ------------------------------------------------------------------
    def kick_webhook(self) -> None:
        """Start delivering pending updates to the webhook, if one is set and idle."""
        idle = self._webhook_task is None or self._webhook_task.done()
        if self.webhook is not None and self.pending and idle:
            self._webhook_task = asyncio.create_task(self._deliver())

    async def _deliver(self) -> None:
        """One update at a time until it is answered 2xx; three failures in a row and it waits
        for the next update to try again."""
        failures = 0
        while self.webhook is not None and not self._stopping and failures < 3:
            ready = self._deliverable(1)
            if not ready:
                return
            update_id = ready[0]["update_id"]
            try:
                status = await post_update(self.webhook["url"], ready[0],
                                           self.webhook.get("secret_token"))
            except (aiohttp.ClientError, OSError):
                status = 0
            self.deliveries.append((update_id, status))
            if 200 <= status < 300:
                self._confirm(update_id)
                failures = 0
            else:
                failures += 1
                await asyncio.sleep(0.2)
            self._on_activity()

    async def pause(self) -> None:
        """Stop delivering to the webhook (until :meth:`kick_webhook`)."""
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._webhook_task

    async def stop(self) -> None:
        """End waiting long polls (they return []) and webhook delivery, for good."""
        self._stopping = True
        self._wake_pollers()
        await self.pause()

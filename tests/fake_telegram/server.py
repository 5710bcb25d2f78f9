"""``FakeTelegram``: the HTTP server, the faults and flood limits put in front of the methods,
the user-side API tests act through, and what they inspect and wait for."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from tests.fake_telegram.chats import BOT_USER, BotMessage, Chats
from tests.fake_telegram.rate_limit import RateLimiter
from tests.fake_telegram.updates import Updates, post_update
from tests.fake_telegram.wire import (
    DROPPED,
    JSON,
    ApiError,
    Call,
    Fault,
    drop,
    read_params,
    too_many,
)

Handler = Callable[[JSON], Awaitable[Any]]
_LIMITED = frozenset({"sendMessage", "sendDocument", "editMessageText"})  # flood limits count


class FakeTelegram:
    """Fake Bot API server plus a user-side API; see the package docstring."""

    def __init__(self) -> None:
        self.bot_user: JSON = BOT_USER
        self.calls: list[Call] = []
        self.throttled = 0  # calls answered 429 by the rate limit (fail_next's are not counted)
        self.throttled_by_chat: Counter[int] = Counter()  # the same, by chat_id
        self.rate_clock: Callable[[], float] = time.monotonic  # time of the rate limit's buckets
        # Each running bot's "nothing in flight" (see settle); registered by the tests' runner.
        self.bot_probes: list[Callable[[], bool]] = []
        self.base_url = ""
        self._chats = Chats()
        self._updates = Updates(self._activity)
        # The methods the bot calls; any other is a 404, so a new one fails loudly.
        self._methods: dict[str, Handler] = {
            "getMe": self._get_me,
            "getUpdates": self._updates.get_updates,
            "setWebhook": self._updates.set_webhook,
            "deleteWebhook": self._updates.delete_webhook,
            "setMyCommands": self._chats.set_my_commands,
            "sendMessage": self._chats.send_message,
            "editMessageText": self._chats.edit_message_text,
            "answerCallbackQuery": self._chats.answer_callback_query,
            "sendDocument": self._chats.send_document,
        }
        self._faults: dict[str, list[Fault]] = {}
        self._limiter: RateLimiter | None = None
        self._changed = asyncio.Event()
        self._cursors: Counter[int] = Counter()  # per chat, the events next_event has taken
        self._last_activity = time.monotonic()
        self._runner: web.AppRunner | None = None

    @property
    def answers(self) -> dict[str, JSON]:
        """answerCallbackQuery's parameters, by callback query id."""
        return self._chats.answers

    @property
    def updates(self) -> dict[int, JSON]:
        """Every update ever queued, by update_id."""
        return self._updates.all

    @property
    def webhook(self) -> JSON | None:
        """The parameters of the active setWebhook."""
        return self._updates.webhook

    @property
    def webhook_deliveries(self) -> list[tuple[int, int]]:
        """Each POST to the webhook: (update_id, HTTP status, 0 when it could not connect)."""
        return self._updates.deliveries

    # ------------------------------------------------------------------ lifecycle
    async def start(self) -> str:
        """Start serving on a free port of 127.0.0.1; returns the base URL."""
        await self._listen(0)
        return self.base_url

    async def _listen(self, port: int) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_post("/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, handler_cancellation=True, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", port).start()
        host, bound = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{bound}"

    async def go_down(self) -> None:
        """Telegram unreachable: stop listening (connections are refused) and drop the open
        ones; what the server knows (chats, pending updates) stays for :meth:`come_up`."""
        await self._updates.pause()
        await self._close()

    async def come_up(self) -> None:
        """Answer again, on the same address as before :meth:`go_down`."""
        await self._listen(int(self.base_url.rsplit(":", 1)[1]))
        self._updates.kick_webhook()

    async def stop(self) -> None:
        """End pending long polls (they return []) and shut the server down."""
        await self._updates.stop()
        await self._close()

    async def _close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # ------------------------------------------------------------------ HTTP
    async def _handle(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["method"]
        call = Call(name, await read_params(request), time.monotonic(),
                    content_type=request.content_type)
        self.calls.append(call)
        if name != "getUpdates":
            self._last_activity = call.at
        self._notify()  # a test may wait for a call to start (a long poll ends much later)
        faults = self._faults.get(name)
        fault = faults.pop(0) if faults else None
        try:
            if fault is not None and fault.status != DROPPED:
                response = fault.response()
            else:
                if fault is not None and not fault.after_processing:
                    await drop(request, call)  # lost on the way: never carried out
                response = await self._respond(name, call.params)
                if fault is not None:
                    await drop(request, call)  # carried out; only the answer is lost
            call.status = response.status
            return response
        except asyncio.CancelledError:
            if call.status == 0:
                call.status = 499  # the client went away and aiohttp cancelled the handler
            raise
        finally:
            if name != "getUpdates":
                self._last_activity = time.monotonic()
            self._notify()

    async def _respond(self, name: str, params: JSON) -> web.Response:
        try:
            handler = self._methods.get(name)
            if handler is None:
                raise ApiError(404, "Not Found")
            self._throttle(name, params)
            return web.json_response({"ok": True, "result": await handler(params)})
        except ApiError as error:
            return error.response()

    async def _get_me(self, params: JSON) -> JSON:
        return self.bot_user

    # ------------------------------------------------------------------ faults
    def fail_next(
        self, method: str, status: int = 429, *, retry_after: int = 1, html: bool = False
    ) -> None:
        """Make the next call of ``method`` fail once with ``status`` (faults queue up per
        method, in order): a Bot API error (429 with ``retry_after``), or with ``html`` the
        HTML page a proxy in front of Telegram answers with."""
        self._faults.setdefault(method, []).append(Fault(status, retry_after, html))

    def drop_next(self, method: str, *, after_processing: bool = False) -> None:
        """Make the server close the connection of the next call of ``method`` without an
        answer (queued with :meth:`fail_next`'s faults); the client sees a disconnect.

        With ``after_processing=False`` the request is lost: nothing is carried out.  With
        ``after_processing=True`` it is carried out (a message is sent and recorded) and only
        the answer is lost.  The call's ``status`` is ``DROPPED`` (444) either way.
        """
        self._faults.setdefault(method, []).append(
            Fault(DROPPED, after_processing=after_processing))

    def clear_failures(self) -> None:
        """Forget every fault still queued by ``fail_next``/``drop_next``."""
        self._faults.clear()

    # ------------------------------------------------------------------ flood limits
    def set_rate_limit(
        self, per_second: float = 30.0, *, per_chat_per_second: float = 1.0, chat_burst: int = 3
    ) -> None:
        """Turn on Telegram's flood limits (they start off).

        Every message-producing call (sendMessage, sendDocument, editMessageText) must find a
        token in the bot's bucket (``per_second`` a second, holding one second's worth) and in
        its chat's (``per_chat_per_second``, holding ``chat_burst``).  One that does takes one
        from each; one that does not takes none, is not carried out, and is answered 429 "Too
        Many Requests: retry after N" with ``parameters.retry_after`` N: the seconds until it
        would pass, rounded up.  Buckets start full and run on ``rate_clock``
        (``time.monotonic``; swap it before this call to control time).
        ``throttled``/``throttled_by_chat`` count these 429s and are never reset.
        """
        self._limiter = RateLimiter(per_second, per_chat_per_second, chat_burst,
                                    self.rate_clock())

    def _throttle(self, name: str, params: JSON) -> None:
        if self._limiter is None or name not in _LIMITED:
            return
        chat_id = params.get("chat_id")
        chat = chat_id if isinstance(chat_id, int) else None
        retry_after = self._limiter.admit(chat, self.rate_clock())
        if retry_after is not None:
            self.throttled += 1
            if chat is not None:
                self.throttled_by_chat[chat] += 1
            raise too_many(retry_after)

    # ------------------------------------------------------------------ user-side API
    def add_user(
        self, user_id: int, *, language_code: str = "en", first_name: str = "Tester"
    ) -> None:
        """Make the chat known (as if the user had written before) without queueing an update."""
        self._chats.touch(user_id, language_code, first_name)

    async def enqueue_raw(self, update: JSON, *, force: bool = False) -> int:
        """Queue any update dict, well-formed or not; assigns ``update_id`` when absent.
        Returns the update_id. ``force``: deliver it even though ``allowed_updates`` leaves its
        kind out, as Telegram does with updates queued before ``allowed_updates`` changed."""
        for body in update.values():  # whoever writes to the bot makes their chat known
            sender = body.get("from") if isinstance(body, dict) else None
            if isinstance(sender, dict) and not sender.get("is_bot") and "id" in sender:
                self._chats.touch(sender["id"], sender.get("language_code"),
                                  sender.get("first_name"))
        update_id = self._updates.add(update, force=force)
        self._activity()
        return update_id

    async def send_text(self, user_id: int, text: str, *, language_code: str | None = None) -> int:
        """User sends text ("/cmd ..." gets a bot_command entity); returns the update_id.
        ``language_code`` (here and in :meth:`press`) defaults to the user's previous one."""
        content = self._chats.text_content(text)
        return await self.enqueue_raw({"message": self._chats.message(user_id, language_code,
                                                                      **content)})

    async def press(
        self, user_id: int, message_id: int, data: str, *, language_code: str | None = None
    ) -> str:
        """User presses a button (any data) on a bot message; returns the callback query id."""
        query = self._chats.callback_query(user_id, message_id, data, language_code)
        await self.enqueue_raw({"callback_query": query})
        return str(query["id"])

    async def edit_text(self, user_id: int, message_id: int, new_text: str) -> int:
        """User edits one of their text messages (an ``edited_message`` update)."""
        return await self.enqueue_raw(
            {"edited_message": self._chats.edited(user_id, message_id, new_text)})

    async def block(self, user_id: int, *, silent: bool = False) -> int | None:
        """User blocks the bot: later calls to the chat get 403; queues a my_chat_member update
        unless ``silent`` (the bot then learns of it only from a 403)."""
        member = self._chats.block(user_id)
        return None if silent else await self.enqueue_raw({"my_chat_member": member})

    # Media the bot does not read: it has to answer them all the same.
    async def send_sticker(self, user_id: int) -> int:
        return await self._media(user_id, sticker={
            "type": "regular", "width": 512, "height": 512, "is_animated": False,
            "is_video": False, "emoji": "👍", **self._chats.file(9)})

    async def send_photo(self, user_id: int) -> int:
        return await self._media(user_id, photo=[
            {"width": size, "height": size, **self._chats.file(size * 20)} for size in (90, 320)])

    async def send_voice(self, user_id: int) -> int:
        return await self._media(user_id, voice={
            "duration": 3, "mime_type": "audio/ogg", **self._chats.file(10)})

    async def send_document(self, user_id: int) -> int:
        return await self._media(user_id, document={
            "file_name": "notes.txt", "mime_type": "text/plain", **self._chats.file(5)})

    async def send_location(self, user_id: int) -> int:
        return await self._media(user_id, location={"latitude": 52.52, "longitude": 13.4})

    async def _media(self, user_id: int, **content: Any) -> int:
        return await self.enqueue_raw({"message": self._chats.message(user_id, **content)})

    async def post_update_to(self, url: str, update: JSON, secret: str | None = None) -> int:
        """POST ``update`` as JSON to a webhook URL like Telegram does; returns the HTTP status."""
        return await post_update(url, update, secret)

    # ------------------------------------------------------------------ inspection
    def messages(self, chat_id: int) -> list[BotMessage]:
        """The bot's messages in a chat, oldest first, as currently stored."""
        chat = self._chats.chats.get(chat_id)
        return list(chat.bot_messages.values()) if chat else []

    def events(self, chat_id: int) -> list[tuple[str, BotMessage]]:
        """The whole ("send" | "edit", snapshot) log of a chat."""
        return list(self._chats.events[chat_id])

    def commands(self, language_code: str | None = None) -> list[tuple[str, str]]:
        """Commands registered with setMyCommands for a language (None: for all languages)."""
        commands = self._chats.commands.get(language_code or "", [])
        return [(c["command"], c["description"]) for c in commands]

    def updates_confirmed(self, update_id: int) -> bool:
        return update_id in self._updates.confirmed

    def calls_of(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    # ------------------------------------------------------------------ waiting
    def _activity(self) -> None:
        self._last_activity = time.monotonic()
        self._notify()

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    def _recent(self, count: int = 8) -> str:
        lines = [
            f"  {c.method} -> {c.status} {json.dumps(c.params, default=repr)[:300]}"
            for c in self.calls[-count:]
        ]
        return "\n".join(lines) or "  (no bot calls at all)"

    async def wait_for(
        self,
        predicate: Callable[[], bool],
        timeout: float = 5.0,  # noqa: ASYNC109
        *,
        what: str = "",
    ) -> None:
        """Wait until ``predicate()`` holds; re-checked after every bot call and queued update."""
        deadline = time.monotonic() + timeout
        while not predicate():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(
                    f"timed out after {timeout}s waiting for {what or predicate}; "
                    f"last bot calls:\n{self._recent()}"
                )
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), remaining)

    async def next_event(self, chat_id: int, timeout: float = 5.0) -> BotMessage:  # noqa: ASYNC109
        """Next unconsumed sendMessage/sendDocument/editMessageText snapshot of the chat.

        A snapshot with ``edits == 0`` comes from a send, otherwise from an edit.
        """
        events = self._chats.events[chat_id]
        deadline = time.monotonic() + timeout
        while len(events) <= self._cursors[chat_id]:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(
                    f"timed out after {timeout}s waiting for the next bot message/edit in "
                    f"chat {chat_id}; last bot calls:\n{self._recent()}"
                )
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._chats.changed[chat_id].wait(), remaining)
        self._cursors[chat_id] += 1
        return events[self._cursors[chat_id] - 1][1]

    def drain(self, chat_id: int) -> list[BotMessage]:
        """Consume and return all pending event snapshots of the chat without waiting."""
        events = self._chats.events[chat_id]
        pending = [message for _kind, message in events[self._cursors[chat_id]:]]
        self._cursors[chat_id] = len(events)
        return pending

    async def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> None:  # noqa: ASYNC109
        """Wait until the bot is done: every queued update taken, no bot call (getUpdates
        aside) running, and each running bot that registered in ``bot_probes`` says nothing
        is in flight (twice, a moment apart). With no bot registered (or one that cannot take
        its updates), wait instead until nothing happened for ``quiet`` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            busy = any(c.status == 0 and c.method != "getUpdates" for c in self.calls[-50:])
            if not busy and await self._bot_quiet():
                return
            idle = time.monotonic() - self._last_activity
            if not busy and idle >= quiet:
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"bot did not settle within {timeout}s:\n{self._recent()}")
            await asyncio.sleep(0.005 if self.bot_probes else
                                0.05 if busy else quiet - idle)

    async def _bot_quiet(self) -> bool:
        if not self.bot_probes or self._updates.pending:
            return False
        for _ in range(2):  # a hand-off between two tasks can look quiet for an instant
            if not all(probe() for probe in self.bot_probes):
                return False
            await asyncio.sleep(0.002)
        return not self._updates.pending

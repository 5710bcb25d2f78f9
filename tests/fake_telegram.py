"""A fake Telegram Bot API server for end-to-end tests.

``FakeTelegram`` is an aiohttp web server on 127.0.0.1 (random free port) that
answers, for real aiogram 3 and python-telegram-bot 22 clients, the Bot API methods the bot
calls and no others: getMe, getUpdates, setWebhook, deleteWebhook, setMyCommands,
sendMessage, editMessageText, answerCallbackQuery and sendDocument.  Any other method gets
Telegram's 404 "Not Found", so a bot that starts calling one fails loudly until the fake
learns it.  Clients POST to ``{root}/bot{token}/{method}`` (form-encoded, multipart or JSON
bodies, or an empty ``application/octet-stream`` body).  Point them at it with::

    server = FakeTelegram()
    url = await server.start()                          # "http://127.0.0.1:PORT"
    aiogram.Bot(token, session=AiohttpSession(api=TelegramAPIServer.from_base(url)))
    telegram.Bot(token, base_url=f"{url}/bot")
    ...
    await server.stop()

Tests act as Telegram users through the async user-side API (``send_text``, ``press``,
``edit_text``, ``send_photo`` and the other media, ``block``), which queues realistic updates
for ``getUpdates`` (or pushes them to a webhook set with ``setWebhook``), and inspect what the
bot did through ``calls``, ``messages()``, ``events()``, ``answers``, ``commands()``,
``next_event()``, ``wait_for()`` and ``settle()``.

Errors mimic the real API (status code + ``{"ok": false, "error_code", "description"}``):
"chat not found", 403 for a user who blocked the bot, too long or empty text, malformed HTML,
bad button data, "message is not modified", an answered or unknown callback query.
``fail_next()`` injects one-shot 429/5xx answers and ``drop_next()`` closes the connection
without an answer (before or after the call is carried out); ``go_down()`` refuses every
connection until ``come_up()``.  ``enqueue_raw()`` queues any update: one no framework can
read, or (``force=True``) one of a kind the bot never asked for.  ``set_rate_limit()`` turns
on Telegram's flood limits (off by default): a call over them is not carried out and gets 429
with ``retry_after``.  Only ``parse_mode="HTML"`` is parsed; other text is taken verbatim.

Behaviour worth knowing, all as in Telegram: a chat is unknown until the user has written (or
``add_user()``); user and bot messages share one message_id counter per chat;
editMessageText without reply_markup removes the inline keyboard; updates stay pending until
a later getUpdates offset confirms them; ``allowed_updates`` persists and filters delivery; a
second concurrent getUpdates ends the first with 409; getUpdates while a webhook is set is a
409 too; a webhook gets each update POSTed until it answers 2xx (three tries in a row, then
again at the next update).
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import itertools
import json
import math
import re
import time
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from http import HTTPStatus
from typing import Any

import aiohttp
from aiohttp import web

JSON = dict[str, Any]
Buttons = list[list[tuple[str, str]]]  # rows of (label, callback_data | "url:<url>")



def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


BOT_ID = 777000
BOT_USER: JSON = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "Exchange Test",
    "username": "exchange_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
    "can_connect_to_business": False,
    "has_main_web_app": False,
}
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
BLOCKED = "Forbidden: bot was blocked by the user"
TEXT_LIMIT, CAPTION_LIMIT = 4096, 1024
DROPPED = 444  # Call.status of a call whose connection the server closed without answering

# Only what the bot calls (bot/transports): anything else is a 404, so it fails loudly.
_METHODS = _words(
    "getMe getUpdates setWebhook deleteWebhook setMyCommands sendMessage editMessageText"
    " answerCallbackQuery sendDocument"
)
_LIMITED = _words("sendMessage sendDocument editMessageText")  # what flood limits count
# Parameters a form carries as text: JSON-serialised objects, and numbers.
_JSON_KEYS = _words("reply_markup commands allowed_updates")
_INT_KEYS = _words("chat_id message_id offset timeout")
_HTML_TAGS = _words(
    "b strong i em u ins s strike del span tg-spoiler a code pre blockquote tg-emoji tg-time"
)
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(\s[^<>]*)?>")
_ENTITY_RE = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")
_COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")
_BAD_GATEWAY_HTML = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)


class ApiError(Exception):
    """An error answer of the Bot API (raised inside method handlers)."""

    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.retry_after = code, description, retry_after

    def response(self) -> web.Response:
        body: JSON = {"ok": False, "error_code": self.code, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return web.json_response(body, status=self.code)


def _bad(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


def _too_many(retry_after: int) -> ApiError:
    return ApiError(429, f"Too Many Requests: retry after {retry_after}", retry_after)


@dataclass
class Call:
    """One Bot API request; ``params`` are decoded (JSON strings -> objects, files -> tuples)."""

    method: str
    params: JSON
    at: float  # time.monotonic() on arrival
    # HTTP status of the answer: 0 while still in flight, 499 when the client went away first,
    # DROPPED (444) when drop_next() closed the connection without an answer.
    status: int = 0
    content_type: str = ""  # how the request was encoded (JSON, a form, multipart)


@dataclass
class BotMessage:
    """A message sent by the bot, as currently stored (edits update it in place)."""

    message_id: int
    text: str | None
    buttons: Buttons
    document: tuple[str, bytes] | None = None  # (file name, content)
    caption: str | None = None
    edits: int = 0
    chat_id: int = 0
    date: int = 0
    edit_date: int | None = None
    parse_mode: str | None = None
    reply_markup: JSON | None = None
    document_info: JSON | None = field(default=None, repr=False)  # as sent back to the bot

    @property
    def plain_text(self) -> str | None:
        """Text as the user sees it (HTML tags stripped when parse_mode is HTML)."""
        return _plain(self.text, self.parse_mode) if self.text is not None else None


@dataclass
class _Chat:
    """A private chat with one user."""

    user_id: int
    first_name: str = "Tester"
    language_code: str = "en"
    blocked: bool = False
    next_id: int = 1
    user_messages: dict[int, JSON] = field(default_factory=dict)
    bot_messages: dict[int, BotMessage] = field(default_factory=dict)

    def alloc(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def as_json(self) -> JSON:
        return {"id": self.user_id, "type": "private", "first_name": self.first_name}

    def user_json(self) -> JSON:
        return {
            "id": self.user_id,
            "is_bot": False,
            "first_name": self.first_name,
            "language_code": self.language_code,
        }


@dataclass
class _Fault:
    """One injected fault: an error answer, or (status DROPPED) a closed connection."""

    status: int
    retry_after: int = 1
    html: bool = False
    after_processing: bool = False  # drop once the call was carried out


@dataclass
class _Bucket:
    """A token bucket: holds at most ``capacity`` tokens, refilled at ``rate`` per second."""

    rate: float
    capacity: float
    stamp: float  # when it was last refilled
    tokens: float = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = self.capacity  # buckets start full

    def wait(self, now: float) -> float:
        """Refill up to ``now``; seconds until a token is there (0 when one is)."""
        self.tokens = min(self.capacity, self.tokens + max(now - self.stamp, 0.0) * self.rate)
        self.stamp = max(self.stamp, now)
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate


class _RateLimiter:
    """Telegram's flood limits: one token bucket for the bot, one per chat."""

    def __init__(self, per_second: float, per_chat_per_second: float, chat_burst: int,
                 now: float) -> None:
        self.bot = _Bucket(per_second, max(per_second, 1.0), now)
        self.per_chat_per_second, self.chat_burst = per_chat_per_second, chat_burst
        self.chats: dict[int, _Bucket] = {}

    def admit(self, chat_id: int | None, now: float) -> int | None:
        """Take a token from the bot's bucket and the chat's and return None; or, when either
        is empty, take none and return the retry_after to answer with (whole seconds)."""
        buckets = [self.bot]
        if chat_id is not None:
            bucket = _Bucket(self.per_chat_per_second, self.chat_burst, now)
            buckets.append(self.chats.setdefault(chat_id, bucket))
        wait = max(bucket.wait(now) for bucket in buckets)
        if wait > 0:
            return max(1, math.ceil(wait))
        for bucket in buckets:
            bucket.tokens -= 1
        return None


def html_to_plain(text: str) -> str:
    """Strip Telegram-HTML markup like the API does, raising ApiError on malformed markup."""
    out: list[str] = []
    stack: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "<":
            at = len(text[:i].encode())
            match = _TAG_RE.match(text, i)
            name = match.group(2).lower() if match else re.match(r"</?([^\s<>/]*)", text[i:])[1]  # type: ignore[index]
            if not name:
                raise _bad(
                    f"can't parse entities: Unexpected end of name token at byte offset {at}"
                )
            if match is None or name not in _HTML_TAGS:
                raise _bad(
                    f'can\'t parse entities: Unsupported start tag "{name}" at byte offset {at}'
                )
            if match.group(1):
                if not stack or stack[-1] != name:
                    expected = f'"</{stack[-1]}>"' if stack else "no end tag"
                    raise _bad(
                        f"can't parse entities: Unmatched end tag at byte offset {at}, "
                        f'expected {expected}, found "</{name}>"'
                    )
                stack.pop()
            else:
                stack.append(name)
            i = match.end()
            continue
        entity = _ENTITY_RE.match(text, i) if char == "&" else None
        out.append(html.unescape(entity.group(0)) if entity else char)
        i = entity.end() if entity else i + 1
    if stack:
        raise _bad(
            f"can't parse entities: Can't find end tag corresponding to start tag \"{stack[-1]}\""
        )
    return "".join(out)


def _plain(text: str, parse_mode: str | None) -> str:
    return html_to_plain(text) if (parse_mode or "").upper() == "HTML" else text


def _normalize(key: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if key in _JSON_KEYS:
        with contextlib.suppress(ValueError):
            return json.loads(value)
    elif key in _INT_KEYS:
        with contextlib.suppress(ValueError):
            return int(value)
    return value


def _markup(params: JSON) -> JSON | None:
    """Validate an inline keyboard like the API; an empty one means no markup."""
    markup = params.get("reply_markup")
    if markup is None or markup == "":
        return None
    rows = markup.get("inline_keyboard") if isinstance(markup, dict) else None
    if not isinstance(rows, list):
        raise _bad("can't parse reply keyboard markup JSON object")
    for button in (b for row in rows for b in row):
        if "callback_data" in button:
            data = button["callback_data"]
            if not isinstance(data, str) or not data or len(data.encode()) > 64:
                raise _bad("BUTTON_DATA_INVALID")
        elif "url" not in button:
            raise _bad(
                "can't parse inline keyboard button: "
                "Text buttons are unallowed in the inline keyboard"
            )
    return markup if any(rows) else None


def _buttons(markup: JSON | None) -> Buttons:
    rows: list[list[JSON]] = (markup or {}).get("inline_keyboard") or []
    return [[_button(button) for button in row] for row in rows]


def _button(button: JSON) -> tuple[str, str]:
    label = str(button.get("text", ""))
    return label, button["callback_data"] if "callback_data" in button else f"url:{button['url']}"


def _check_text(text: str, parse_mode: str | None, limit: int, *, caption: bool) -> None:
    plain = _plain(text, parse_mode)
    if caption:
        if len(plain) > limit:
            raise _bad("message caption is too long")
        return
    if not plain.strip():
        raise _bad("message text is empty")
    if len(plain) > limit:
        raise _bad("message is too long")


def _update_type(update: JSON) -> str:
    return next((k for k in update if k != "update_id"), "")


Handler = Callable[[JSON], Awaitable[Any]]


class FakeTelegram:
    """Fake Bot API server plus a user-side API; see the module docstring."""

    def __init__(self) -> None:
        self.bot_user: JSON = dict(BOT_USER)
        self.calls: list[Call] = []
        self.answers: dict[str, JSON] = {}  # callback query id -> answerCallbackQuery params
        self.updates: dict[int, JSON] = {}  # every update ever queued, by update_id
        self.webhook: JSON | None = None  # params of the active setWebhook
        self.webhook_deliveries: list[tuple[int, int]] = []  # (update_id, HTTP status; 0 = error)
        self.throttled = 0  # calls answered 429 by the rate limit (fail_next's are not counted)
        self.throttled_by_chat: Counter[int] = Counter()  # the same, by chat_id
        self.rate_clock: Callable[[], float] = time.monotonic  # time of the rate limit's buckets
        # Each running bot's "nothing in flight" (see settle); registered by the tests' runner.
        self.bot_probes: list[Callable[[], bool]] = []
        self.base_url = ""
        self._chats: dict[int, _Chat] = {}
        self._events: defaultdict[int, list[tuple[str, BotMessage]]] = defaultdict(list)
        self._cursors: defaultdict[int, int] = defaultdict(int)
        self._commands: dict[str, list[JSON]] = {}  # language_code ("" for all) -> commands
        self._pending: dict[int, JSON] = {}
        self._confirmed: set[int] = set()
        self._forced: set[int] = set()  # update ids delivered whatever allowed_updates says
        self._allowed: set[str] | None = None
        self._last_update_id = 100_000
        self._query_ids = itertools.count(4_000_000_000_001)
        self._file_ids = itertools.count(1)
        self._open_queries: set[str] = set()
        self._faults: defaultdict[str, list[_Fault]] = defaultdict(list)
        self._limiter: _RateLimiter | None = None
        self._changed = asyncio.Event()
        # One event per chat, so a test waiting on its own chat is not woken by every call.
        self._chat_changed: defaultdict[int, asyncio.Event] = defaultdict(asyncio.Event)
        self._update_arrived = asyncio.Event()
        self._poll_generation = 0
        self._stopping = False
        self._last_activity = time.monotonic()
        self._webhook_task: asyncio.Task[None] | None = None
        self._runner: web.AppRunner | None = None
        self._methods: dict[str, Handler] = {
            name: getattr(self, "_" + re.sub(r"([A-Z])", r"_\1", name).lower())
            for name in _METHODS
        }

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
        await self._shut()

    async def come_up(self) -> None:
        """Answer again, on the same address as before :meth:`go_down`."""
        await self._listen(int(self.base_url.rsplit(":", 1)[1]))
        self._kick_webhook()

    async def stop(self) -> None:
        """Wake pending long polls (they return []) and shut the server down."""
        self._stopping = True
        self._wake_pollers()
        await self._shut()

    async def _shut(self) -> None:
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._webhook_task
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # ------------------------------------------------------------------ HTTP plumbing
    @staticmethod
    async def _parse(request: web.Request) -> JSON:
        raw: JSON = {}
        if request.content_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
            for key, value in (await request.post()).items():
                if isinstance(value, web.FileField):
                    raw[key] = (value.filename, value.file.read(), value.content_type)
                else:
                    raw[key] = value
        else:  # JSON, or an empty body
            body = await request.read()
            raw = json.loads(body) if body.strip() else {}
        return {key: _normalize(key, value) for key, value in raw.items()}

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["method"]
        handler = self._methods.get(name)
        call = Call(name, await self._parse(request), time.monotonic(),
                    content_type=request.content_type)
        self.calls.append(call)
        if name != "getUpdates":
            self._last_activity = call.at
        self._notify()  # a test may wait for a call to start (a long poll ends much later)
        faults = self._faults.get(name)
        fault = faults.pop(0) if faults else None
        try:
            if fault is not None and fault.status != DROPPED:
                response = self._fault_response(fault)
            else:
                if fault is not None and not fault.after_processing:
                    await self._drop(request, call)  # lost on the way: never carried out
                response = await self._respond(name, handler, call.params)
                if fault is not None:
                    await self._drop(request, call)  # carried out; only the answer is lost
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

    async def _respond(self, name: str, handler: Handler | None, params: JSON) -> web.Response:
        try:
            if handler is None:
                raise ApiError(404, "Not Found")
            self._throttle(name, params)
            return web.json_response({"ok": True, "result": await handler(params)})
        except ApiError as error:
            return error.response()

    @staticmethod
    async def _drop(request: web.Request, call: Call) -> None:
        """Close the connection without an answer (never returns)."""
        call.status = DROPPED
        if request.transport is not None:
            request.transport.close()
        # aiohttp (handler_cancellation=True) cancels this handler once it sees the connection
        # gone, which ends the request quietly; a raised error would be logged with a traceback.
        await asyncio.sleep(30)
        raise ConnectionResetError("the dropped connection was not noticed")

    @staticmethod
    def _fault_response(fault: _Fault) -> web.Response:
        if fault.html:
            return web.Response(status=fault.status, text=_BAD_GATEWAY_HTML,
                                content_type="text/html")
        if fault.status == 429:
            return _too_many(fault.retry_after).response()
        return ApiError(fault.status, HTTPStatus(fault.status).phrase).response()

    def fail_next(
        self, method: str, status: int = 429, *, retry_after: int = 1, html: bool = False
    ) -> None:
        """Make the next call of ``method`` fail once with ``status`` (faults queue up per
        method, in order): a Bot API error (429 with ``retry_after``), or with ``html`` the
        HTML page a proxy in front of Telegram answers with."""
        self._faults[method].append(_Fault(status, retry_after, html))

    def drop_next(self, method: str, *, after_processing: bool = False) -> None:
        """Make the server close the connection of the next call of ``method`` without an answer
        (queued with :meth:`fail_next`'s faults); the client sees a disconnect.

        With ``after_processing=False`` the request is lost: nothing is carried out.  With
        ``after_processing=True`` it is carried out (a message is sent and recorded) and only
        the answer is lost.  The call's ``status`` is ``DROPPED`` (444) either way.
        """
        self._faults[method].append(_Fault(DROPPED, after_processing=after_processing))

    def clear_failures(self) -> None:
        """Forget every fault still queued by ``fail_next``/``drop_next``."""
        self._faults.clear()

    # ------------------------------------------------------------------ rate limiting
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
        if min(per_second, per_chat_per_second) <= 0 or chat_burst < 1:
            raise ValueError("rates must be positive and the chat burst at least 1")
        self._limiter = _RateLimiter(per_second, per_chat_per_second, chat_burst,
                                     self.rate_clock())

    def _throttle(self, name: str, params: JSON) -> None:
        """Raise 429 when a message-producing call is over the rate limit (if one is set)."""
        if self._limiter is None or name not in _LIMITED:
            return
        chat_id = params.get("chat_id")
        chat = chat_id if isinstance(chat_id, int) else None
        retry_after = self._limiter.admit(chat, self.rate_clock())
        if retry_after is not None:
            self.throttled += 1
            if chat is not None:
                self.throttled_by_chat[chat] += 1
            raise _too_many(retry_after)

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _now() -> int:
        return int(time.time())

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    def _wake_pollers(self) -> None:
        self._update_arrived.set()
        self._update_arrived = asyncio.Event()

    def _chat_for(self, params: JSON) -> _Chat:
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise _bad("chat_id is empty")
        chat = self._chats.get(chat_id) if isinstance(chat_id, int) else None
        if chat is None:
            raise _bad("chat not found")
        if chat.blocked:
            raise ApiError(403, BLOCKED)
        return chat

    def _message_json(self, chat: _Chat, message: BotMessage) -> JSON:
        body: JSON = {
            "message_id": message.message_id,
            "from": {k: self.bot_user[k] for k in ("id", "is_bot", "first_name", "username")},
            "chat": chat.as_json(),
            "date": message.date,
        }
        if message.edit_date is not None:
            body["edit_date"] = message.edit_date
        if message.text is not None:
            body["text"] = message.plain_text
        if message.document_info is not None:
            body["document"] = message.document_info
        if message.caption:
            body["caption"] = _plain(message.caption, message.parse_mode)
        if message.reply_markup:
            body["reply_markup"] = message.reply_markup
        return body

    def _file(self, size: int) -> JSON:
        """The ids and size of a new file (its content is not kept: no one downloads it)."""
        file_id = f"BQACAgIAAxkBAAI{next(self._file_ids):08d}"
        return {"file_id": file_id, "file_unique_id": f"AgAD{file_id[-8:]}", "file_size": size}

    def _record(self, kind: str, message: BotMessage) -> None:
        self._events[message.chat_id].append((kind, replace(message)))
        self._chat_changed.pop(message.chat_id, asyncio.Event()).set()

    # ------------------------------------------------------------------ bot-side methods
    async def _get_me(self, params: JSON) -> JSON:
        return self.bot_user

    async def _get_updates(self, params: JSON) -> list[JSON]:
        if self.webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = int(params.get("offset") or 0)
        deadline = time.monotonic() + max(float(params.get("timeout") or 0), 0.0)
        if "allowed_updates" in params:
            self._allowed = set(params["allowed_updates"] or []) or None
        self._confirm(*(uid for uid in self._pending if uid < offset))
        self._poll_generation += 1
        generation = self._poll_generation
        self._wake_pollers()  # terminates an older concurrent long poll with 409
        while True:
            if generation != self._poll_generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; "
                    "make sure that only one bot instance is running",
                )
            ready = self._deliverable(100)
            remaining = deadline - time.monotonic()
            if ready or self._stopping or remaining <= 0:
                if ready:
                    self._last_activity = time.monotonic()
                return ready
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._update_arrived.wait(), remaining)

    def _deliverable(self, limit: int) -> list[JSON]:
        """Pending updates in order, silently confirming kinds allowed_updates leaves out."""
        ready: list[JSON] = []
        for update_id, update in list(self._pending.items()):
            kind = _update_type(update)
            if self._allowed and kind not in self._allowed and update_id not in self._forced:
                self._confirm(update_id)
            elif len(ready) < limit:
                ready.append(update)
        return ready

    def _confirm(self, *update_ids: int) -> None:
        for update_id in update_ids:
            self._pending.pop(update_id, None)
            self._confirmed.add(update_id)

    async def _set_webhook(self, params: JSON) -> bool:
        self.webhook = params
        if "allowed_updates" in params:
            self._allowed = set(params["allowed_updates"] or []) or None
        self._wake_pollers()
        self._kick_webhook()
        return True

    async def _delete_webhook(self, params: JSON) -> bool:
        self.webhook = None
        return True

    async def _set_my_commands(self, params: JSON) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise _bad('parameter "commands" is required')
        if not all(_COMMAND_RE.fullmatch(str(c.get("command", ""))) for c in commands):
            raise _bad("BOT_COMMAND_INVALID")
        self._commands[str(params.get("language_code") or "")] = [
            {"command": c["command"], "description": c.get("description", "")} for c in commands
        ]
        return True

    async def _send_message(self, params: JSON) -> JSON:
        chat = self._chat_for(params)
        text = str(params.get("text") or "")
        _check_text(text, params.get("parse_mode"), TEXT_LIMIT, caption=False)
        markup = _markup(params)
        message = BotMessage(
            chat.alloc(),
            text,
            _buttons(markup),
            chat_id=chat.user_id,
            date=self._now(),
            parse_mode=params.get("parse_mode"),
            reply_markup=markup,
        )
        chat.bot_messages[message.message_id] = message
        self._record("send", message)
        return self._message_json(chat, message)

    async def _edit_message_text(self, params: JSON) -> JSON:
        chat = self._chat_for(params)
        message_id = params.get("message_id")
        message = chat.bot_messages.get(message_id) if isinstance(message_id, int) else None
        if message is None:
            if message_id in chat.user_messages:
                raise _bad("message can't be edited")
            raise _bad("message to edit not found")
        text = str(params.get("text") or "")
        _check_text(text, params.get("parse_mode"), TEXT_LIMIT, caption=False)
        markup = _markup(params)  # omitted reply_markup removes the keyboard, as in Telegram
        if message.text is None:
            raise _bad("there is no text in the message to edit")
        if text == message.text and markup == message.reply_markup:
            raise ApiError(400, NOT_MODIFIED)
        message.text, message.parse_mode = text, params.get("parse_mode")
        message.reply_markup, message.buttons = markup, _buttons(markup)
        message.edits, message.edit_date = message.edits + 1, self._now()
        self._record("edit", message)
        return self._message_json(chat, message)

    async def _answer_callback_query(self, params: JSON) -> bool:
        query_id = str(params.get("callback_query_id") or "")
        if query_id not in self._open_queries:
            raise ApiError(400, QUERY_TOO_OLD)
        self._open_queries.discard(query_id)
        self.answers[query_id] = params
        return True

    async def _send_document(self, params: JSON) -> JSON:
        chat = self._chat_for(params)
        document = params.get("document")
        if isinstance(document, str) and document.startswith("attach://"):
            document = params.get(document.removeprefix("attach://"))  # aiogram's upload
        if not isinstance(document, tuple):
            raise _bad("there is no document in the request")
        name, data, mime = document
        if not data:
            raise _bad("file must be non-empty")
        info = {
            "file_name": name,
            "mime_type": mime or "application/octet-stream",
            **self._file(len(data)),
        }
        caption = str(params.get("caption") or "") or None
        if caption:
            _check_text(caption, params.get("parse_mode"), CAPTION_LIMIT, caption=True)
        markup = _markup(params)
        message = BotMessage(
            chat.alloc(),
            None,
            _buttons(markup),
            (name, data),
            caption,
            chat_id=chat.user_id,
            date=self._now(),
            parse_mode=params.get("parse_mode"),
            reply_markup=markup,
            document_info=info,
        )
        chat.bot_messages[message.message_id] = message
        self._record("send", message)
        return self._message_json(chat, message)

    # ------------------------------------------------------------------ webhook delivery
    def _kick_webhook(self) -> None:
        if (
            self.webhook is not None
            and self._pending
            and (self._webhook_task is None or self._webhook_task.done())
        ):
            self._webhook_task = asyncio.create_task(self._webhook_worker())

    async def _webhook_worker(self) -> None:
        failures = 0
        while self.webhook is not None and not self._stopping and failures < 3:
            ready = self._deliverable(1)
            if not ready:
                return
            update = ready[0]
            try:
                status = await self.post_update_to(
                    self.webhook["url"], update, self.webhook.get("secret_token")
                )
            except (aiohttp.ClientError, OSError):
                status = 0
            self.webhook_deliveries.append((update["update_id"], status))
            if 200 <= status < 300:
                self._confirm(update["update_id"])
                failures = 0
            else:
                failures += 1
                await asyncio.sleep(0.2)
            self._last_activity = time.monotonic()
            self._notify()

    async def post_update_to(self, url: str, update: JSON, secret: str | None = None) -> int:
        """POST ``update`` as JSON to a webhook URL like Telegram does; returns the HTTP status."""
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
        async with (
            aiohttp.ClientSession() as session,
            session.post(
                url, json=update, headers=headers, timeout=aiohttp.ClientTimeout(total=30)
            ) as response,
        ):
            await response.read()
            return response.status

    # ------------------------------------------------------------------ user-side API
    # language_code / first_name default to the user's previous ones ("en" / "Tester" at first).
    def _touch(
        self, user_id: int, language_code: str | None = None, first_name: str | None = None
    ) -> _Chat:
        chat = self._chats.setdefault(user_id, _Chat(user_id))
        chat.language_code = language_code or chat.language_code
        chat.first_name = first_name or chat.first_name
        return chat

    def add_user(
        self, user_id: int, *, language_code: str = "en", first_name: str = "Tester"
    ) -> None:
        """Make the chat known (as if the user had written before) without queueing an update."""
        self._touch(user_id, language_code, first_name)

    async def enqueue_raw(self, update: JSON, *, force: bool = False) -> int:
        """Queue any update dict, well-formed or not; assigns ``update_id`` when absent.
        Returns the update_id. ``force``: deliver it even though ``allowed_updates`` leaves its
        kind out, as Telegram does with updates queued before ``allowed_updates`` changed."""
        update_id = int(update.get("update_id") or self._last_update_id + 1)
        if force:
            self._forced.add(update_id)
        self._last_update_id = max(self._last_update_id, update_id)
        update = {"update_id": update_id, **{k: v for k, v in update.items() if k != "update_id"}}
        for body in update.values():  # whoever writes to the bot makes their chat known
            sender = body.get("from") if isinstance(body, dict) else None
            if isinstance(sender, dict) and not sender.get("is_bot") and "id" in sender:
                self._touch(sender["id"], sender.get("language_code"), sender.get("first_name"))
        self.updates[update_id] = update
        self._pending[update_id] = update
        self._last_activity = time.monotonic()
        self._wake_pollers()
        self._kick_webhook()
        self._notify()
        return update_id

    async def _user_message(
        self, user_id: int, language_code: str | None = None, **content: Any
    ) -> int:
        chat = self._touch(user_id, language_code)
        message: JSON = {
            "message_id": chat.alloc(),
            "from": chat.user_json(),
            "chat": chat.as_json(),
            "date": self._now(),
            **content,
        }
        chat.user_messages[message["message_id"]] = message
        return await self.enqueue_raw({"message": message})

    @staticmethod
    def _text_content(text: str) -> JSON:
        content: JSON = {"text": text}
        if text.startswith("/"):
            token = text.split(maxsplit=1)[0]
            content["entities"] = [
                {"type": "bot_command", "offset": 0, "length": len(token.encode("utf-16-le")) // 2}
            ]
        return content

    async def send_text(self, user_id: int, text: str, *, language_code: str | None = None) -> int:
        """User sends text ("/cmd ..." gets a bot_command entity); returns the update_id."""
        return await self._user_message(user_id, language_code, **self._text_content(text))

    async def press(
        self, user_id: int, message_id: int, data: str, *, language_code: str | None = None
    ) -> str:
        """User presses a button (any data) on a bot message; returns the callback query id."""
        chat = self._touch(user_id, language_code)
        message = chat.bot_messages.get(message_id)
        if message is None:
            raise AssertionError(f"chat {user_id} has no bot message {message_id}")
        query_id = str(next(self._query_ids))
        self._open_queries.add(query_id)
        await self.enqueue_raw(
            {
                "callback_query": {
                    "id": query_id,
                    "from": chat.user_json(),
                    "message": self._message_json(chat, message),
                    "chat_instance": str(-(user_id * 2654435761 % 10**18)),
                    "data": data,
                }
            }
        )
        return query_id

    # Media the bot does not read: it has to answer them all the same.
    async def send_sticker(self, user_id: int) -> int:
        sticker = {"type": "regular", "width": 512, "height": 512, "is_animated": False,
                   "is_video": False, "emoji": "👍", **self._file(9)}
        return await self._user_message(user_id, sticker=sticker)

    async def send_photo(self, user_id: int) -> int:
        sizes = [{"width": size, "height": size, **self._file(size * 20)} for size in (90, 320)]
        return await self._user_message(user_id, photo=sizes)

    async def send_voice(self, user_id: int) -> int:
        voice = {"duration": 3, "mime_type": "audio/ogg", **self._file(10)}
        return await self._user_message(user_id, voice=voice)

    async def send_document(self, user_id: int) -> int:
        document = {"file_name": "notes.txt", "mime_type": "text/plain", **self._file(5)}
        return await self._user_message(user_id, document=document)

    async def send_location(self, user_id: int) -> int:
        return await self._user_message(user_id, location={"latitude": 52.52, "longitude": 13.4})

    async def edit_text(self, user_id: int, message_id: int, new_text: str) -> int:
        """User edits one of their text messages (an ``edited_message`` update)."""
        chat = self._touch(user_id)
        original = chat.user_messages.get(message_id)
        if original is None or "text" not in original:
            raise AssertionError(f"chat {user_id} has no user text message {message_id}")
        original.pop("entities", None)
        original.update(self._text_content(new_text), edit_date=self._now())
        return await self.enqueue_raw({"edited_message": dict(original)})

    async def block(self, user_id: int, *, silent: bool = False) -> int | None:
        """User blocks the bot: later calls to the chat get 403; queues a my_chat_member update
        unless ``silent`` (the bot then learns of it only from a 403)."""
        chat = self._touch(user_id)
        chat.blocked = True
        if silent:
            return None
        member = {"user": self.bot_user}
        return await self.enqueue_raw(
            {
                "my_chat_member": {
                    "chat": chat.as_json(),
                    "from": chat.user_json(),
                    "date": self._now(),
                    "old_chat_member": {**member, "status": "member"},
                    "new_chat_member": {**member, "status": "kicked", "until_date": 0},
                }
            }
        )

    # ------------------------------------------------------------------ inspection
    def messages(self, chat_id: int) -> list[BotMessage]:
        """The bot's messages in a chat, oldest first, as currently stored."""
        chat = self._chats.get(chat_id)
        return list(chat.bot_messages.values()) if chat else []

    def events(self, chat_id: int) -> list[tuple[str, BotMessage]]:
        """The whole ("send" | "edit", snapshot) log of a chat."""
        return list(self._events[chat_id])

    def commands(self, language_code: str | None = None) -> list[tuple[str, str]]:
        """Commands registered with setMyCommands for a language (None: for all languages)."""
        commands = self._commands.get(language_code or "", [])
        return [(c["command"], c["description"]) for c in commands]

    def updates_confirmed(self, update_id: int) -> bool:
        return update_id in self._confirmed

    def calls_of(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

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
        deadline = time.monotonic() + timeout
        while len(self._events[chat_id]) <= self._cursors[chat_id]:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(
                    f"timed out after {timeout}s waiting for the next bot message/edit in "
                    f"chat {chat_id}; last bot calls:\n{self._recent()}"
                )
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._chat_changed[chat_id].wait(), remaining)
        self._cursors[chat_id] += 1
        return self._events[chat_id][self._cursors[chat_id] - 1][1]

    def drain(self, chat_id: int) -> list[BotMessage]:
        """Consume and return all pending event snapshots of the chat without waiting."""
        pending = [message for _kind, message in self._events[chat_id][self._cursors[chat_id] :]]
        self._cursors[chat_id] = len(self._events[chat_id])
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
        if not self.bot_probes or self._pending:
            return False
        for _ in range(2):  # a hand-off between two tasks can look quiet for an instant
            if not all(probe() for probe in self.bot_probes):
                return False
            await asyncio.sleep(0.002)
        return not self._pending

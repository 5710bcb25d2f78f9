"""The Bot API on the wire: how a call is read, how an error is answered, and the faults a
test can inject (an error answer, a proxy's HTML page, a connection closed unanswered)."""

from __future__ import annotations

import asyncio
import contextlib
import json
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from aiohttp import web

JSON = dict[str, Any]
DROPPED = 444  # Call.status of a call whose connection the server closed without answering
# Parameters a form carries as text: JSON-serialised objects, and numbers.
_JSON_KEYS = frozenset({"reply_markup", "commands", "allowed_updates"})
_INT_KEYS = frozenset({"chat_id", "message_id", "offset", "timeout"})
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


def bad(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


def too_many(retry_after: int) -> ApiError:
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


async def read_params(request: web.Request) -> JSON:
    """A call's parameters from a form (files as (name, bytes, type)), JSON or empty body."""
    raw: JSON = {}
    if request.content_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
        for key, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                raw[key] = (value.filename, value.file.read(), value.content_type)
            else:
                raw[key] = value
    else:
        body = await request.read()
        raw = json.loads(body) if body.strip() else {}
    return {key: _decode(key, value) for key, value in raw.items()}


def _decode(key: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if key in _JSON_KEYS:
        with contextlib.suppress(ValueError):
            return json.loads(value)
    elif key in _INT_KEYS:
        with contextlib.suppress(ValueError):
            return int(value)
    return value


@dataclass
class Fault:
    """One injected fault: an error answer, or (status DROPPED) a closed connection."""

    status: int
    retry_after: int = 1
    html: bool = False
    after_processing: bool = False  # drop once the call was carried out

    def response(self) -> web.Response:
        if self.html:
            return web.Response(status=self.status, text=_BAD_GATEWAY_HTML,
                                content_type="text/html")
        if self.status == 429:
            return too_many(self.retry_after).response()
        return ApiError(self.status, HTTPStatus(self.status).phrase).response()


async def drop(request: web.Request, call: Call) -> None:
    """Close the connection without an answer (never returns)."""
    call.status = DROPPED
    if request.transport is not None:
        request.transport.close()
    # aiohttp (handler_cancellation=True) cancels the handler once it sees the connection
    # gone, which ends the request quietly; a raised error would be logged with a traceback.
    await asyncio.sleep(30)
    raise ConnectionResetError("the dropped connection was not noticed")

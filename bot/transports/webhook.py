"""The webhook listener both adapters share: Telegram's POSTs in, ``/healthz`` for probes.

An update is answered 200 as soon as it is stored (a database insert), and handled in the
background: a slow handler never keeps Telegram waiting into a retry. Requests without the
right ``X-Telegram-Bot-Api-Secret-Token`` get 403 and are not looked at.

What came with the right secret but cannot be read (not JSON, no update id, or an update
the framework cannot build) is answered 200 too, once the intake has stored it aside and
logged it: the same bytes would fail the same way every time, and a non-2xx makes Telegram
send it again for up to a day, showing an error in ``getWebhookInfo`` meanwhile. Only what a
retry can fix gets another status: 503 before the bot is ready (Telegram was not reachable
yet), 500 when the database failed.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name

Accept = Callable[[Any, str], Awaitable[None]]  # (the body as JSON, or None; the body)


def parse_listen(listen: str) -> tuple[str, int]:
    """``"0.0.0.0:8080"`` or ``"[::]:8080"`` → host and port."""
    host, _, port = listen.rpartition(":")
    return host.strip("[]") or "0.0.0.0", int(port)  # noqa: S104 - behind a proxy, by design


class WebhookServer:
    def __init__(self, *, url: str, secret: str, listen: str, accept: Accept,
                 ready: Callable[[], bool], healthy: Callable[[], Awaitable[bool]]) -> None:
        self.path = urlsplit(url).path or "/"
        self._secret = secret.encode()
        self.host, self.port = parse_listen(listen)
        self._accept = accept
        self._ready = ready
        self._healthy = healthy
        self._stopped = False
        app = web.Application()
        app.router.add_post(self.path, self._update)
        app.router.add_get("/healthz", self._health)
        self._runner = web.AppRunner(app, access_log=None)  # our own log lines carry ids only

    async def start(self) -> None:
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()
        log.info("webhook_listening port=%s", self.port)

    async def stop(self) -> None:
        if not self._stopped:
            self._stopped = True
            await self._runner.cleanup()

    async def _update(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self._secret):
            log.warning("webhook_refused reason=secret")
            return web.Response(status=403)
        if not self._ready():  # no bot id to store it under yet: Telegram will try again
            log.info("webhook_refused reason=not_ready")
            return web.Response(status=503)
        body = await request.read()
        try:
            payload = json.loads(body)
        except ValueError:  # not JSON (or not UTF-8): stored nowhere, but logged and counted
            payload = None
        # Stored, then handled in the background. A database failure is left to raise: the
        # 500 makes Telegram send the update again later, which is what we want.
        await self._accept(payload, body.decode("utf-8", "replace"))
        return web.json_response({"ok": True})

    async def _health(self, _: web.Request) -> web.Response:
        ok = await self._healthy()
        return web.json_response({"ok": ok}, status=200 if ok else 503)

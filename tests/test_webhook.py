"""Webhook mode on both frameworks: the secret is checked, what cannot be read is
acknowledged and set aside, a retried update is answered once, and ``/healthz`` answers on
the same listener."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest
from sqlalchemy import func, select

from bot.app import App
from bot.clock import FakeClock
from bot.config import Settings
from storage import received_updates
from storage.models import TelegramUpdate
from tests.conftest import DATA_KEY, WEBHOOK_SECRET, running_bot, webhook_settings
from tests.fake_telegram import FakeTelegram
from tests.test_cli import run

USER = 616161


@pytest.fixture
async def hooked(telegram: FakeTelegram, settings: Settings, clock: FakeClock,
                 framework: str) -> AsyncIterator[tuple[App, str]]:
    hook = webhook_settings()
    chosen = settings.model_copy(update={"bot_framework": framework, **hook})
    async with running_bot(telegram, chosen, clock) as app:
        yield app, str(hook["webhook_url"])


def start_update(update_id: int) -> dict[str, object]:
    user = {"id": USER, "is_bot": False, "first_name": "Tester", "language_code": "en"}
    return {"update_id": update_id, "message": {
        "message_id": 1, "date": 1_700_000_000, "chat": {"id": USER, "type": "private"},
        "from": user, "text": "/start",
        "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}}


async def stored_updates(app: App) -> int:
    async with app.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(TelegramUpdate)) or 0)


async def test_webhook_is_registered_with_the_secret(hooked: tuple[App, str],
                                                     telegram: FakeTelegram) -> None:
    _, url = hooked
    assert telegram.webhook is not None
    assert telegram.webhook["url"] == url
    assert telegram.webhook["secret_token"] == WEBHOOK_SECRET


async def test_requests_without_the_secret_are_refused(hooked: tuple[App, str],
                                                       telegram: FakeTelegram) -> None:
    app, url = hooked
    before = await stored_updates(app)
    for secret in (None, "", "wrong", WEBHOOK_SECRET + "x", WEBHOOK_SECRET[:-1]):
        assert await telegram.post_update_to(url, start_update(7001), secret) == 403
    await telegram.settle(quiet=0.3)
    assert telegram.messages(USER) == []
    assert await stored_updates(app) == before


async def test_unreadable_bodies_are_acknowledged_and_set_aside(hooked: tuple[App, str],
                                                             telegram: FakeTelegram) -> None:
    # 200, not 400: sent again, they would fail again, and Telegram would keep retrying.
    app, url = hooked
    headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
    async with aiohttp.ClientSession() as http:
        for body in (b"not json", b"\xff\xfe", b"[]", b'{"no_update_id": 1}',
                     b'{"update_id": 5, "message": {"text": "no chat, no date"}}'):
            async with http.post(url, data=body, headers=headers) as response:
                assert response.status == 200
    async with app.sessions() as session:
        [kept] = await session.scalars(select(TelegramUpdate))
    assert (kept.update_id, kept.status) == (5, received_updates.MALFORMED)
    telegram.add_user(USER)
    assert await telegram.post_update_to(url, start_update(7003), WEBHOOK_SECRET) == 200
    await telegram.wait_for(lambda: len(telegram.messages(USER)) >= 1)


async def test_a_retried_update_is_answered_once(hooked: tuple[App, str],
                                                 telegram: FakeTelegram) -> None:
    app, url = hooked
    update = start_update(7002)
    telegram.add_user(USER)
    assert await telegram.post_update_to(url, update, WEBHOOK_SECRET) == 200
    assert await telegram.post_update_to(url, update, WEBHOOK_SECRET) == 200
    await telegram.wait_for(lambda: len(telegram.messages(USER)) >= 1)
    await telegram.settle(quiet=0.5)
    [reply] = telegram.messages(USER)
    assert reply.text == app.deps.translator.format("en", "join-how")


async def test_healthz(hooked: tuple[App, str]) -> None:
    _, url = hooked
    health = url.rsplit("/", 2)[0] + "/healthz"
    async with aiohttp.ClientSession() as http, http.get(health) as response:
        assert response.status == 200
        assert await response.json() == {"ok": True}


def test_webhook_needs_a_secret(tmp_path: object) -> None:
    from pathlib import Path

    done = run(["run"], Path(str(tmp_path)), env={
        "BOT_TOKEN": "123:abc", "WEBHOOK_URL": "https://example.org/hook", "DATA_KEY": DATA_KEY})
    assert done.returncode == 2
    assert "WEBHOOK_SECRET" in done.stderr

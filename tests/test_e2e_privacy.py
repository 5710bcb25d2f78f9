"""End to end on both frameworks, polling and by webhook: ``/mydata`` sends the person's data
as a file, ``/forget`` erases them once confirmed, and afterwards the bot does not know them."""

from __future__ import annotations

import asyncio
import json

from sqlalchemy import func, select

from bot.app import App
from storage.models import TelegramUpdate
from storage.received_updates import DELIVERED
from tests.fake_telegram import FakeTelegram
from tests.telegram_user import TelegramUser
from tests.test_e2e import onboard
from tests.test_privacy import scan

USER = 5_550_918_273  # long: cannot turn up by chance in a date or a code


def t(app: App, msg_id: str, **args: object) -> str:
    return app.deps.translator.format("en", msg_id, args)


async def all_delivered(app: App) -> None:
    """Until every stored update is answered (and its content cleared)."""
    for _ in range(200):
        async with app.sessions() as session:
            waiting = await session.scalar(select(func.count()).select_from(TelegramUpdate)
                                           .where(TelegramUpdate.status != DELIVERED))
        if not waiting:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"{waiting} updates never delivered")


async def test_mydata_then_forget(bot: App, telegram: FakeTelegram) -> None:
    user = TelegramUser(telegram, USER)
    await onboard(bot, telegram, user)

    [summary] = await user.send("/mydata")
    assert summary.text is not None
    assert summary.text.startswith(t(bot, "privacy-summary-title"))
    assert t(bot, "privacy-summary-line", kind=t(bot, "privacy-kind-consent_events"),
             count=4) in summary.text
    toast, [readable, sent] = await user.press(t(bot, "privacy-download"), replies=2)
    assert toast == t(bot, "privacy-file-sent")
    assert readable.document is not None and readable.document[0].endswith(".txt")
    assert readable.caption == t(bot, "privacy-file-caption-text")
    assert f"{t(bot, 'privacy-field-timezone')}: Africa/Nairobi" in \
        readable.document[1].decode().splitlines()
    assert sent.document is not None and sent.caption == t(bot, "privacy-file-caption-json")
    data = json.loads(sent.document[1])
    [me] = data["tables"]["participants"]
    assert me["telegram_id"] == USER and me["timezone"] == "Africa/Nairobi"
    decisions = {row["purpose"]: row["granted"] for row in data["tables"]["consent_events"]}
    assert decisions == {"progress": True, "stories": False, "followup": True, "media": False}

    [warning] = await user.send("/forget")
    assert warning.text == t(bot, "privacy-forget-warning")
    _, [done] = await user.press(t(bot, "privacy-forget-yes"))
    assert done.message_id == warning.message_id and done.text == t(bot, "privacy-forgotten")
    assert done.buttons == []

    await all_delivered(bot)
    assert await scan(bot, [str(USER)]) == []
    [stranger] = await user.send("/start")
    assert stranger.text == t(bot, "join-how")

"""The per-person flood limit, through Telegram on each framework: beyond the limit one
"slowing down" answer, then nothing, and nobody else is touched."""

from __future__ import annotations

from bot.clock import FakeClock
from bot.config import Settings
from bot.flood import FloodGate, Verdict
from tests.conftest import running_bot
from tests.fake_telegram import FakeTelegram

FLOODER, NEIGHBOUR = 730001, 730002


async def test_a_flood_is_slowed_down_without_touching_others(
        telegram: FakeTelegram, settings: Settings, clock: FakeClock, framework: str) -> None:
    chosen = settings.model_copy(update={"bot_framework": framework, "flood_limit": 20,
                                         "flood_window": 10.0})
    async with running_bot(telegram, chosen, clock) as app:
        t = app.deps.translator
        for _ in range(26):
            await telegram.send_text(FLOODER, "/help")
        await telegram.send_text(NEIGHBOUR, "/help")
        await telegram.wait_for(lambda: len(telegram.messages(NEIGHBOUR)) == 1, timeout=15)
        await telegram.wait_for(
            lambda: len(telegram.messages(FLOODER)) >= 21, timeout=15, what="the answers")
        await telegram.settle(quiet=0.5)
        texts = [m.text or "" for m in telegram.messages(FLOODER)]
        slow = t.format("en", "flood-slow-down")
        assert texts.count(slow) == 1
        assert len(texts) == 21  # twenty answers, one warning, five dropped
        assert (telegram.messages(NEIGHBOUR)[0].text or "").startswith(
            t.format("en", "help-text")[:20])
        # Every update was recorded as handled: none is taken up again.
        assert await app.unfinished(app_bot_id(telegram)) == []


def app_bot_id(telegram: FakeTelegram) -> int:
    return int(telegram.bot_user["id"])


def test_the_gate_opens_again_after_the_window() -> None:
    now = [0.0]
    gate = FloodGate(limit=3, window=10.0, clock=lambda: now[0])
    verdicts = [gate.check(1) for _ in range(5)]
    assert verdicts == [Verdict.ALLOW] * 3 + [Verdict.WARN, Verdict.DROP]
    assert gate.check(2) is Verdict.ALLOW  # someone else
    now[0] = 10.5
    assert gate.check(1) is Verdict.ALLOW

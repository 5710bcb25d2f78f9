"""End to end on both frameworks: a module with a quiz and a scenario, stopped half way, the
bot restarted, ``/continue``, finished."""

from __future__ import annotations

from pathlib import Path

from bot.app import App
from bot.clock import FakeClock
from bot.config import Settings
from tests.conftest import running_bot
from tests.fake_telegram import FakeTelegram
from tests.telegram_user import TelegramUser
from tests.test_content import ENGLISH, pack
from tests.test_e2e import onboard
from tests.test_learning import REFLECTION

USER = 717171


def t(app: App, msg_id: str, **args: object) -> str:
    return app.deps.translator.format("en", msg_id, args)


async def test_module_across_a_restart(telegram: FakeTelegram, settings: Settings,
                                       clock: FakeClock, framework: str,
                                       tmp_path: Path) -> None:
    content = pack(tmp_path / "pack", english=ENGLISH + REFLECTION)
    chosen = settings.model_copy(update={"bot_framework": framework, "content_dir": content})
    user = TelegramUser(telegram, USER)
    async with running_bot(telegram, chosen, clock) as app:
        await onboard(app, telegram, user)
        [tracks] = await user.send("/tracks")
        assert tracks.text == t(app, "learn-tracks")
        _, [track] = await user.press("Core")
        _, [card] = await user.press("A module")
        assert card.message_id == track.message_id  # one message, edited in place
        assert card.text is not None and "Read this." in card.text
        await user.press(t(app, "learn-next"))
        _, [feedback] = await user.press("This one")
        assert feedback.text is not None and t(app, "learn-right") in feedback.text
        _, [scenario] = await user.press(t(app, "learn-next"))
        assert scenario.text is not None and "What now?" in scenario.text
    # The bot stops half way through the scenario, and starts again.
    async with running_bot(telegram, chosen, clock) as app:
        [resumed] = await user.send("/continue")
        assert resumed.text is not None and "What now?" in resumed.text
        _, [debrief] = await user.press("X")
        assert debrief.text is not None and "X worked because" in debrief.text
        await user.press(t(app, "learn-next"))
        kept, done = await user.send("Talk to neighbours first.", replies=2)
        assert kept.text == t(app, "learn-reflection-kept")
        assert done.text == t(app, "learn-module-done", title="A module")


async def test_offline_document_through_telegram(bot: App, telegram: FakeTelegram) -> None:
    user = TelegramUser(telegram, USER)
    await onboard(bot, telegram, user)
    await user.send("/offline")
    await user.press(bot.deps.content.tracks[0].titles["en"])
    _, [document] = await user.press("Whole track")
    assert document.document is not None
    filename, data = document.document
    assert filename == "core-en.txt"
    assert "Risk assessment" in data.decode()


async def test_assessment_then_the_recommended_track(bot: App,
                                                     telegram: FakeTelegram) -> None:
    user = TelegramUser(telegram, USER)
    await onboard(bot, telegram, user)
    await user.send("/assessment")
    await user.press(t(bot, "assess-start"))
    for label in ("assess-role-new", "assess-focus-climate", "assess-experience-lt1",
                  "assess-safety-partly"):
        await user.press(t(bot, label))
    await user.press(t(bot, "assess-done"))  # no resources ticked
    for rating in "4343":
        message_id, data = user.find(rating)
        await user.press_data(message_id, data)
    _, [recommendation] = await user.press(t(bot, "learn-skip"))
    climate = bot.deps.content.track("climate-resilience")
    assert climate is not None
    assert recommendation.text == t(bot, "assess-recommend", track=climate.titles["en"],
                                    reason=t(bot, "assess-reason-focus"))
    _, [track] = await user.press(t(bot, "assess-follow"))
    assert track.text == t(bot, "learn-track", track=climate.titles["en"])
    assert track.message_id == recommendation.message_id

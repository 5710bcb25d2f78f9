"""Two small promises, seen from Telegram on both frameworks: the bot never asks Telegram to
edit a message into what it already shows (a repeated or stale confirmation), and unticking
an option just ticked is a choice, not a double tap."""

from __future__ import annotations

from bot.clock import RunningClock
from bot.config import Settings
from tests.cohort_helpers import seed_cohort
from tests.conftest import START, running_bot
from tests.fake_telegram import FakeTelegram
from tests.telegram_user import TelegramUser

PERSON = 760001


def refused_edits(telegram: FakeTelegram) -> list[int]:
    return [c.status for c in telegram.calls_of("editMessageText") if c.status != 200]


async def test_a_repeated_forget_confirmation_edits_nothing(
        telegram: FakeTelegram, settings: Settings, running_clock: RunningClock,
        framework: str) -> None:
    telegram.add_user(PERSON)
    async with running_bot(telegram, settings.model_copy(update={"bot_framework": framework}),
                           running_clock) as app:
        t = app.deps.translator
        await seed_cohort(app.sessions, [PERSON], now=START)
        person = TelegramUser(telegram, PERSON)
        [warning] = await person.send("/forget")
        yes = warning.buttons[0][0][1]
        _, [done] = await person.press_data(warning.message_id, yes)
        assert done.text == t.format("en", "privacy-forgotten")
        edits = len(telegram.calls_of("editMessageText"))
        # The same button again (a double tap that crossed the edit, an old screen).
        await person.press_data(warning.message_id, yes, replies=0)
        assert len(telegram.calls_of("editMessageText")) == edits
        assert refused_edits(telegram) == []
        # And a confirmation kept (not erased) twice over.
        [warning] = await person.send("/forget")
        keep = warning.buttons[1][0][1]
        _, [kept] = await person.press_data(warning.message_id, keep)
        assert kept.text == t.format("en", "privacy-forget-kept")
        await person.press_data(warning.message_id, keep, replies=0)
        assert refused_edits(telegram) == []


async def test_an_option_just_ticked_can_be_unticked(
        telegram: FakeTelegram, settings: Settings, running_clock: RunningClock,
        framework: str) -> None:
    telegram.add_user(PERSON)
    async with running_bot(telegram, settings.model_copy(update={"bot_framework": framework}),
                           running_clock) as app:
        t = app.deps.translator
        await seed_cohort(app.sessions, [PERSON], now=START)
        person = TelegramUser(telegram, PERSON)
        await person.send("/assessment")
        await person.press(t.format("en", "assess-start"))
        for answer in ("assess-role-organiser", "assess-focus-housing",
                       "assess-experience-1to3", "assess-safety-yes"):
            await person.press(t.format("en", answer))
        legal = t.format("en", "assess-resources-legal")
        _, [ticked] = await person.press(legal)
        assert f"✓ {legal}" in [label for row in ticked.buttons for label, _ in row]
        toast, [unticked] = await person.press(legal)
        assert toast != t.format("en", "button-already-done")
        labels = [label for row in unticked.buttons for label, _ in row]
        assert legal in labels and f"✓ {legal}" not in labels
        # A true double tap (the very same button twice) still changes nothing.
        message_id, tick = person.find(legal)
        await person.press_data(message_id, tick)
        toast, _ = await person.press_data(message_id, tick, replies=0)
        assert toast == t.format("en", "button-already-done")
        assert refused_edits(telegram) == []

"""End to end, on each framework: a coordinator from ADMIN_IDS who never joined a cohort asks
for help and gets the coordinator's commands, not the participant's "how to join"."""

from __future__ import annotations

from bot.clock import FakeClock
from bot.config import Settings
from tests.conftest import ADMIN_ID, running_bot
from tests.fake_telegram import FakeTelegram
from tests.telegram_user import TelegramUser


async def test_help_of_a_coordinator_who_never_joined(telegram: FakeTelegram,
                                                      settings: Settings, clock: FakeClock,
                                                      framework: str) -> None:
    chosen = settings.model_copy(update={"bot_framework": framework})
    async with running_bot(telegram, chosen, clock) as app:
        def t(msg_id: str) -> str:
            return app.deps.translator.format("en", msg_id)

        [answer] = await TelegramUser(telegram, ADMIN_ID).send("/help")
        assert answer.text == "\n\n".join([t("help-staff-intro"), t("help-coordinator"),
                                           t("help-staff-general")])
        assert t("join-how") not in answer.text

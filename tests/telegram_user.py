"""A person in Telegram, for end-to-end tests: acts through :class:`FakeTelegram` and reads
what the real bot sent back."""

from __future__ import annotations

from dataclasses import dataclass

from tests.fake_telegram import BotMessage, FakeTelegram


@dataclass
class TelegramUser:
    server: FakeTelegram
    user_id: int
    language_code: str = "en"

    async def _collect(self, replies: int) -> list[BotMessage]:
        got = [await self.server.next_event(self.user_id, timeout=10) for _ in range(replies)]
        await self.server.settle(quiet=0.1)
        extra = self.server.drain(self.user_id)
        assert not extra, f"unexpected extra messages: {[m.text for m in extra]}"
        return got

    async def send(self, text: str, replies: int = 1) -> list[BotMessage]:
        await self.server.send_text(self.user_id, text, language_code=self.language_code)
        return await self._collect(replies)

    async def send_other(self, kind: str, replies: int = 1) -> list[BotMessage]:
        senders = {"sticker": self.server.send_sticker, "photo": self.server.send_photo,
                   "voice": self.server.send_voice, "document": self.server.send_document,
                   "location": self.server.send_location}
        await senders[kind](self.user_id)
        return await self._collect(replies)

    async def edit(self, message_id: int, text: str, replies: int = 1) -> list[BotMessage]:
        await self.server.edit_text(self.user_id, message_id, text)
        return await self._collect(replies)

    def find(self, label: str) -> tuple[int, str]:
        """(message id, data) of the newest bot message's button whose label has ``label``."""
        for message in reversed(self.server.messages(self.user_id)):
            for row in message.buttons:
                for text, data in row:
                    if label in text:
                        return message.message_id, data
        raise AssertionError(f"no button {label!r}")

    async def press_data(self, message_id: int, data: str,
                         replies: int = 1) -> tuple[str, list[BotMessage]]:
        """Press; returns the toast the bot answered with, and the messages it sent/edited."""
        query = await self.server.press(self.user_id, message_id, data,
                                        language_code=self.language_code)
        await self.server.wait_for(lambda: query in self.server.answers, timeout=10,
                                   what="the callback answer")
        got = await self._collect(replies)
        return str(self.server.answers[query].get("text") or ""), got

    async def press(self, label: str, replies: int = 1) -> tuple[str, list[BotMessage]]:
        message_id, data = self.find(label)
        return await self.press_data(message_id, data, replies)

"""Drives :class:`bot.app.App` as a person would, without a transport: send text, press
buttons by their label, read what came back."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.app import App
from bot.core import Button, Inbound, Kind, Outcome, Reply


@dataclass
class ChatDriver:
    app: App
    user_id: int
    language_code: str | None = "en"
    update_id: int = 0
    message_id: int = 0
    # message id → what that message shows now (edits replace it, as in Telegram)
    screen: dict[int, Reply] = field(default_factory=dict)
    last: Outcome = field(default_factory=Outcome)

    def t(self, lang: str, msg_id: str, **args: object) -> str:
        return self.app.deps.translator.format(lang, msg_id, args)

    async def _handle(self, inbound: Inbound) -> Outcome:
        self.last = await self.app.handle(inbound)
        for reply in self.last.replies:
            if reply.edit and inbound.message_id is not None:
                self.screen[inbound.message_id] = reply
            else:
                self.message_id += 1
                self.screen[self.message_id] = reply
        return self.last

    def _next_update(self) -> int:
        self.update_id += 1
        self.message_id += 1  # the person's own message takes an id too
        return self.update_id

    async def send(self, text: str) -> Outcome:
        update = self._next_update()
        return await self._handle(Inbound.from_text(update, self.user_id, self.user_id, text,
                                                    self.language_code))

    async def send_kind(self, kind: Kind, media: str = "") -> Outcome:
        update = self._next_update()
        return await self._handle(Inbound(update, self.user_id, self.user_id, kind,
                                          media=media, language_code=self.language_code))

    async def press_data(self, data: str, message_id: int | None = None) -> Outcome:
        self.update_id += 1
        target = message_id if message_id is not None else self.message_id
        return await self._handle(Inbound(self.update_id, self.user_id, self.user_id,
                                          Kind.BUTTON, data=data, message_id=target,
                                          language_code=self.language_code))

    def find(self, label: str) -> tuple[int, Button]:
        """The newest message's button whose label contains ``label``."""
        for message_id in sorted(self.screen, reverse=True):
            for row in self.screen[message_id].buttons:
                for button in row:
                    if label in button.label:
                        return message_id, button
        raise AssertionError(f"no button {label!r} on screen: {self.labels()}")

    async def press(self, label: str) -> Outcome:
        message_id, button = self.find(label)
        return await self.press_data(button.data, message_id)

    def labels(self) -> list[str]:
        newest = max(self.screen) if self.screen else None
        if newest is None:
            return []
        return [b.label for row in self.screen[newest].buttons for b in row]

    @property
    def texts(self) -> list[str]:
        return [r.text for r in self.last.replies]

    @property
    def text(self) -> str:
        return "\n".join(self.texts)

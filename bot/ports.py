"""What the core asks of a network, as a port: the calls a reply needs (:class:`BotApi`),
and the errors every adapter maps its framework's failures onto. Handlers, the outbox
dispatcher and the delivery policy speak only these; each transport implements them."""

from __future__ import annotations

from typing import Protocol

from bot.core import Document, Rows


class Unreachable(Exception):  # noqa: N818
    """403 (the person blocked the bot) or the chat is gone: stop sending to them."""


class NotModified(Exception):  # noqa: N818
    """An edit that would change nothing (a double tap raced the first one)."""


class CannotEdit(Exception):  # noqa: N818
    """The message is too old, deleted, or not ours to edit."""


class Rejected(Exception):  # noqa: N818
    """Any other 400: retrying the same request cannot help."""


class RetryLater(Exception):  # noqa: N818
    """429: Telegram asks us to wait this long."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds}s")
        self.seconds = seconds


class Transient(Exception):  # noqa: N818
    """5xx, a proxy's HTML error page, a network failure: worth another try."""


class OutcomeUnknown(Transient):
    """The request left but no answer came (a read timeout, a dropped connection): the
    message may or may not have been sent. A reply is tried again (losing it is worse); an
    outbox row is not (a broadcast must not reach anyone twice)."""


class BotApi(Protocol):
    """The four calls a reply needs, with errors mapped onto the exceptions above."""

    async def send_text(self, chat_id: int, text: str, buttons: Rows, *,
                        html: bool = False) -> None: ...

    async def edit_text(self, chat_id: int, message_id: int, text: str, buttons: Rows, *,
                        html: bool = False) -> None: ...

    async def send_document(self, chat_id: int, document: Document, buttons: Rows) -> None: ...

    async def answer_callback(self, callback_id: str, text: str) -> None: ...

"""What every Telegram adapter shares: the command list, and how one is chosen and run."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Protocol

from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES, Translator

if TYPE_CHECKING:
    from bot.app import App

# The public command list, in the order Telegram shows it. Admin commands stay out of it.
PUBLIC_COMMANDS = ("start", "menu", "help", "language", "consent")
# The update types the adapters handle; Telegram sends no others.
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]
# Telegram's media fields, in the order we name them when a message carries no text.
MEDIA_KINDS = ("sticker", "photo", "voice", "video_note", "video", "animation", "audio",
               "document", "location", "venue", "contact", "poll", "dice")


def command_lists(translator: Translator) -> dict[str | None, list[tuple[str, str]]]:
    """``language_code`` → [(command, description)]; None is the default (English) list."""
    lists: dict[str | None, list[tuple[str, str]]] = {}
    for lang in (None, *LANGUAGES):
        lists[lang] = [(cmd, translator.format(lang or DEFAULT_LANGUAGE, f"cmd-{cmd}"))
                       for cmd in PUBLIC_COMMANDS]
    return lists


def media_kind(message: object) -> str:
    return next((kind for kind in MEDIA_KINDS if getattr(message, kind, None)), "other")


class TelegramTransport(Protocol):
    ready: asyncio.Event

    async def run(self) -> None:
        """Serve until :meth:`stop`."""

    async def stop(self) -> None: ...


def telegram_transport(app: App, *, polling_timeout: int = 10) -> TelegramTransport:
    """The adapter ``BOT_FRAMEWORK`` names; only its framework gets imported."""
    if app.settings.bot_framework == "ptb":
        from bot.transports.ptb_adapter import PtbTransport

        return PtbTransport(app, polling_timeout=polling_timeout)
    from bot.transports.aiogram_adapter import AiogramTransport

    return AiogramTransport(app, polling_timeout=polling_timeout)

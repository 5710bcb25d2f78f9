"""Choosing the Telegram adapter that ``BOT_FRAMEWORK`` names, and what every adapter offers
whoever runs it."""

from __future__ import annotations

import asyncio
import os
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from bot.app import App


class TelegramTransport(Protocol):
    ready: asyncio.Event

    async def run(self) -> None:
        """Serve until :meth:`stop`."""

    async def stop(self) -> None: ...

    def quiet(self) -> bool:
        """Nothing in flight: no update being handled, no outbox row being sent."""


def telegram_transport(app: App, *, polling_timeout: int = 10) -> TelegramTransport:
    """The adapter ``BOT_FRAMEWORK`` names; only its framework gets imported."""
    if app.settings.bot_framework == "ptb":
        # Opt in to PTB's coming timedelta durations (read when PTB builds a RetryAfter);
        # otherwise every 429 warns. Set here, when PTB is chosen, not as an import's effect.
        os.environ.setdefault("PTB_TIMEDELTA", "true")
        from bot.transports.ptb_adapter import PtbTransport

        return PtbTransport(app, polling_timeout=polling_timeout)
    from bot.transports.aiogram_adapter import AiogramTransport

    return AiogramTransport(app, polling_timeout=polling_timeout)

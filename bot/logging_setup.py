"""Logging: ids and event names only. A filter also scrubs the bot token from anything a
library might log (python-telegram-bot's HTTP client logs request URLs, token included)."""

from __future__ import annotations

import logging


class RedactSecrets(logging.Filter):
    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        if self._secrets:
            message = record.getMessage()
            if any(s in message for s in self._secrets):
                for secret in self._secrets:
                    message = message.replace(secret, "[redacted]")
                record.msg, record.args = message, None
        return True


def setup_logging(level: str, secrets: list[str] | None = None) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    handler.addFilter(RedactSecrets(secrets or []))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # Migrations announce every step at INFO; one line at start-up is enough.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    # These would log what people typed: SQL parameters (aiosqlite, SQLAlchemy), whole
    # updates and API calls (python-telegram-bot and aiogram at DEBUG), request URLs with the
    # token in them (httpx at INFO).
    for noisy in ("httpx", "httpcore", "aiosqlite", "asyncio", "sqlalchemy.engine"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    for framework in ("telegram", "aiogram"):
        logging.getLogger(framework).setLevel(max(root.level, logging.INFO))

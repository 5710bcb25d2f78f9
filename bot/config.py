"""All configuration, read once from the environment (and an optional ``.env``)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./data/exchange-bot.db"


class Settings(BaseSettings):
    """Environment variables, by their upper-case names (``BOT_TOKEN``, ``ADMIN_IDS`` …)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    bot_token: SecretStr | None = None
    bot_api_url: str = "https://api.telegram.org"
    bot_framework: Literal["aiogram", "ptb"] = "aiogram"
    database_url: str = DEFAULT_DATABASE_URL
    # NoDecode: "1,2,3" is ours to split; pydantic-settings would try JSON first.
    admin_ids: Annotated[frozenset[int], NoDecode] = Field(default_factory=frozenset)
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "0.0.0.0:8080"  # all interfaces: a reverse proxy sits in front
    log_level: str = "INFO"
    # Keyed hash for pseudonymised exports: without the key nobody can link an export row
    # back to a Telegram id. The terminal chat makes a local one.
    pseudonym_key: SecretStr | None = None
    # Encrypts what people write (storage.crypto); comma-separated to rotate: the first
    # encrypts, all decrypt. Telegram mode refuses to start without it.
    data_key: SecretStr | None = None
    # Messages a second the outbox dispatcher sends (Telegram allows about 30).
    outbox_rate: float = Field(default=28.0, gt=0)
    # How long a dispatcher holds rows before another replica may take them over.
    outbox_lease_seconds: float = Field(default=60.0, gt=0)
    # Days after an exchange ends when what people wrote (reflections, notes) is deleted.
    retention_days: int = Field(default=365, ge=1)
    # Per person: more than FLOOD_LIMIT updates in FLOOD_WINDOW seconds are dropped.
    flood_limit: int = Field(default=20, ge=1)
    flood_window: float = Field(default=10.0, gt=0)
    # An incident report nobody acknowledged in this many minutes goes to the next circle.
    incident_escalate_minutes: int = Field(default=120, ge=1)
    locales_dir: Path = PROJECT_ROOT / "locales"
    content_dir: Path = PROJECT_ROOT / "content"

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return frozenset(int(part) for part in value.replace(" ", "").split(",") if part)
        if isinstance(value, int):
            return frozenset({value})
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _secret_shape(cls, value: SecretStr | None) -> SecretStr | None:
        # Telegram's own rule for secret_token.
        if value is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}",
                                                  value.get_secret_value()):
            raise ValueError("WEBHOOK_SECRET: 1-256 characters of A-Z a-z 0-9 _ -")
        return value

    @field_validator("data_key")
    @classmethod
    def _fernet_keys(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None:
            return value
        from cryptography.fernet import Fernet

        try:
            for key in _split_keys(value.get_secret_value()):
                Fernet(key.encode())
        except ValueError:
            raise ValueError(
                "DATA_KEY is not a valid key: it must be 32 url-safe base64-encoded bytes, as "
                "Fernet.generate_key() makes (several may be listed, comma-separated)") from None
        return value

    @model_validator(mode="after")
    def _webhook_needs_secret(self) -> Settings:
        if self.webhook_url and self.webhook_secret is None:
            raise ValueError(
                "WEBHOOK_URL is set but WEBHOOK_SECRET is not: Telegram's requests could not be "
                "told from anyone else's. Set WEBHOOK_SECRET (A-Z a-z 0-9 _ -, up to 256).")
        return self

    def data_keys(self) -> list[str]:
        """DATA_KEY's keys, the one that encrypts first."""
        return _split_keys(self.data_key.get_secret_value()) if self.data_key else []

    def missing_for_telegram(self) -> list[str]:
        """What ``exchange-bot run`` cannot serve Telegram without, said for the operator."""
        missing = []
        if self.bot_token is None or not self.bot_token.get_secret_value():
            missing.append("BOT_TOKEN is not set, so there is no Telegram bot to serve.\n"
                           "To try the bot without Telegram, run: exchange-bot chat")
        if not self.data_keys():
            missing.append(
                "DATA_KEY is not set: what people write (reflections, notes, stories, incident\n"
                "reports) is stored encrypted with it. Make one with:\n"
                "  python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())'\n"
                "and keep it safe: without it the stored text cannot be read.")
        return missing

    @field_validator("bot_api_url")
    @classmethod
    def _strip_slash(cls, value: str) -> str:
        return value.rstrip("/")

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str) -> str:
        return async_database_url(value)


def _split_keys(value: str) -> list[str]:
    return [key.strip() for key in value.split(",") if key.strip()]


def async_database_url(url: str) -> str:
    """Name the async driver when a URL names only the database (``postgresql://`` …)."""
    for plain, driver in (
        ("postgresql://", "postgresql+asyncpg://"),
        ("postgres://", "postgresql+asyncpg://"),
        ("sqlite://", "sqlite+aiosqlite://"),
    ):
        if url.startswith(plain):
            return driver + url[len(plain) :]
    return url

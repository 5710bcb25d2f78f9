"""Encryption at rest for what people write (reflections, notes, commitments, stories,
incidents, relayed messages, half-written drafts): Fernet (AES-128-CBC with HMAC-SHA256) under
``DATA_KEY``.

A column typed :class:`SecretText` (or :class:`SecretJson`, for JSON values such as a person's
step data) is encrypted on the way in and decrypted on the way out, so repositories and
handlers never see ciphertext, and a copy of the database file alone reveals nothing of it.
``DATA_KEY`` may list several keys, comma-separated: the first encrypts, all decrypt, which
lets a key be rotated. Text written before encryption (no prefix) still reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy import JSON, Text
from sqlalchemy.engine import Dialect, Engine
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.types import TypeDecorator

PREFIX = "enc1:"
_RING = "exchange_bot_key_ring"  # the attribute of an engine's dialect that holds its keys


class DataKeyError(RuntimeError):
    """Sensitive text was about to be written or read without a configured key."""


def new_key() -> str:
    return Fernet.generate_key().decode()


class KeyRing:
    """``DATA_KEY``'s keys: the first encrypts, all decrypt. Raises ValueError for a malformed
    key (the settings check them first)."""

    def __init__(self, keys: Sequence[str]) -> None:
        self._fernet = MultiFernet([Fernet(key.strip().encode()) for key in keys
                                    if key.strip()])

    def encrypt(self, text: str) -> str:
        return self.seal(text.encode())

    def decrypt(self, value: str) -> str:
        if not value.startswith(PREFIX):
            return value  # written before encryption was switched on
        return self.open(value).decode()

    def seal(self, plain: bytes) -> str:
        return PREFIX + self._fernet.encrypt(plain).decode()

    def open(self, value: str) -> bytes:
        try:
            return self._fernet.decrypt(value[len(PREFIX):].encode())
        except InvalidToken as exc:
            raise DataKeyError("DATA_KEY does not decrypt this database's text") from exc


# The keys belong to an engine, not to the process: the encrypting column types below get
# only the dialect from SQLAlchemy, and each engine has its own dialect object.
def attach(engine: AsyncEngine | Engine, ring: KeyRing) -> None:
    """Encrypt and decrypt this engine's sensitive columns with ``ring``."""
    setattr(engine.dialect, _RING, ring)


def has_keys(dialect: Dialect) -> bool:
    return isinstance(getattr(dialect, _RING, None), KeyRing)


def ring_of(dialect: Dialect) -> KeyRing:
    ring = getattr(dialect, _RING, None)
    if not isinstance(ring, KeyRing):
        raise DataKeyError("DATA_KEY is not configured for this database")
    return ring


class SecretText(TypeDecorator[str]):
    """Text stored encrypted."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else ring_of(dialect).encrypt(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else ring_of(dialect).decrypt(str(value))


class SecretJson(TypeDecorator[Any]):
    """A JSON value (dict or list) stored encrypted, as one JSON string ``"enc1:…"``.

    The column stays JSON in the schema, so no table is rebuilt and a value written before
    encryption (a plain object or array) still reads. Empty values stay plain: ``{}`` says
    nothing, and most people's step data is empty, so most updates pay no encryption."""

    impl = JSON
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if not value:
            return value
        # Keys that are not strings become strings, as the plain JSON column made them.
        plain = orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS)
        return ring_of(dialect).seal(plain)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if isinstance(value, str) and value.startswith(PREFIX):
            return orjson.loads(ring_of(dialect).open(value))
        return value  # empty, or written before encryption

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
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

PREFIX = "enc1:"
_fernet: MultiFernet | None = None


class DataKeyError(RuntimeError):
    """Sensitive text was about to be written or read without a configured key."""


def new_key() -> str:
    return Fernet.generate_key().decode()


def configure(keys: Sequence[str]) -> None:
    """Set the process's keys (the first encrypts). Raises ValueError for a malformed key."""
    global _fernet  # noqa: PLW0603 - one key set per process, as the configuration is
    _fernet = MultiFernet([Fernet(key.strip().encode()) for key in keys if key.strip()])


def is_configured() -> bool:
    return _fernet is not None


def _keys() -> MultiFernet:
    if _fernet is None:
        raise DataKeyError("DATA_KEY is not configured")
    return _fernet


def encrypt(text: str) -> str:
    return PREFIX + _keys().encrypt(text.encode()).decode()


def _open(value: str) -> bytes:
    try:
        return _keys().decrypt(value[len(PREFIX):].encode())
    except InvalidToken as exc:
        raise DataKeyError("DATA_KEY does not decrypt this database's text") from exc


def decrypt(value: str) -> str:
    if not value.startswith(PREFIX):
        return value  # written before encryption was switched on
    return _open(value).decode()


class SecretText(TypeDecorator[str]):
    """Text stored encrypted."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else encrypt(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else decrypt(str(value))


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
        return PREFIX + _keys().encrypt(plain).decode()

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if isinstance(value, str) and value.startswith(PREFIX):
            return orjson.loads(_open(value))
        return value  # empty, or written before encryption

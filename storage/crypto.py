"""Encryption at rest for what people write (reflections, notes, commitments, stories,
incidents, relayed messages): Fernet (AES-128-CBC with HMAC-SHA256) under ``DATA_KEY``.

A column typed :class:`SecretText` is encrypted on the way in and decrypted on the way out, so
repositories and handlers never see ciphertext, and a copy of the database file alone reveals
nothing of it. ``DATA_KEY`` may list several keys, comma-separated: the first encrypts, all
decrypt, which lets a key be rotated. Text written before encryption (no prefix) still reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy import Text
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


def _keys() -> MultiFernet:
    if _fernet is None:
        raise DataKeyError("DATA_KEY is not configured")
    return _fernet


def encrypt(text: str) -> str:
    return PREFIX + _keys().encrypt(text.encode()).decode()


def decrypt(value: str) -> str:
    if not value.startswith(PREFIX):
        return value  # written before encryption was switched on
    try:
        return _keys().decrypt(value[len(PREFIX):].encode()).decode()
    except InvalidToken as exc:
        raise DataKeyError("DATA_KEY does not decrypt this database's text") from exc


class SecretText(TypeDecorator[str]):
    """Text stored encrypted."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else encrypt(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else decrypt(str(value))

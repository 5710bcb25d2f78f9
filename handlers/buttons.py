"""Button data: compact, versioned ``1:<key>:<arg>…`` text under Telegram's 64 bytes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.core import MAX_BUTTON_DATA, Button, Rows

VERSION = "1"
SEP = ":"


def data(key: str, *args: str) -> str:
    encoded = SEP.join((VERSION, key, *args))
    if len(encoded.encode()) > MAX_BUTTON_DATA:
        raise ValueError(f"button data over {MAX_BUTTON_DATA} bytes: {key}")
    return encoded


def parse(raw: str) -> tuple[str, list[str]] | None:
    """``(key, args)`` of data we could have made; None for anything else."""
    parts = raw.split(SEP)
    if len(parts) < 2 or parts[0] != VERSION or not parts[1]:
        return None
    return parts[1], parts[2:]


def button(label: str, key: str, *args: str) -> Button:
    return Button(label=label, data=data(key, *args))


def rows(buttons: Iterable[Button], per_row: int = 2) -> Rows:
    """Lay buttons out in rows: short rows stay readable on a narrow phone."""
    items: Sequence[Button] = list(buttons)
    return tuple(tuple(items[i : i + per_row]) for i in range(0, len(items), per_row))

"""Moments as staff type them, read in their own time zone and returned in UTC: when a
scheduled broadcast goes out (:func:`parse_when`) and when a live session starts
(:func:`parse_start`). None for anything else; the conversations say what to type."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, tzinfo

from bot.local_time import parse_zone, to_utc

_IN = re.compile(r"in\s+(\d{1,3})\s*([mhd])", re.IGNORECASE)
_AT = re.compile(r"(?:(\d{4}-\d{2}-\d{2})\s+)?(\d{1,2})[:.](\d{2})")
_START = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})(?:\s+(.+))?")


def parse_when(text: str, now: datetime, zone: tzinfo) -> datetime | None:
    """``in 2h`` / ``in 30m`` / ``in 3d``, ``18:00`` (the next one), or
    ``2026-12-01 18:00`` in ``zone``; returns UTC."""
    text = text.strip()
    relative = _IN.fullmatch(text)
    if relative:
        amount, unit = int(relative.group(1)), relative.group(2).lower()
        return now + timedelta(**{{"m": "minutes", "h": "hours", "d": "days"}[unit]: amount})
    at = _AT.fullmatch(text)
    if not at:
        return None
    day, hour, minute = at.group(1), int(at.group(2)), int(at.group(3))
    if hour > 23 or minute > 59:
        return None
    local_now = now.astimezone(zone)
    try:
        base = datetime.fromisoformat(day).date() if day else local_now.date()
    except ValueError:
        return None
    wall = datetime(base.year, base.month, base.day, hour, minute)
    if not day and wall <= local_now.replace(tzinfo=None):
        wall += timedelta(days=1)  # "18:00" after six means tomorrow's
    return to_utc(wall, zone)  # None inside a daylight-saving gap: that time never comes


def parse_start(text: str, default_zone: str) -> datetime | None:
    """``2026-03-04 18:00`` in the sender's zone, or followed by a zone (``UTC``,
    ``UTC+3``, ``Africa/Nairobi``, a city); returns UTC."""
    match = _START.fullmatch(text.strip())
    if not match:
        return None
    zone = parse_zone(match.group(4)) if match.group(4) else default_zone
    if zone is None:
        return None
    try:
        local = datetime.fromisoformat(f"{match.group(1)} {int(match.group(2)):02d}:"
                                       f"{match.group(3)}")
    except ValueError:
        return None
    return to_utc(local, zone)  # None inside a daylight-saving gap: that time never comes

"""The one time module: regions and their zones, reading a typed city or UTC offset, a
person's local time, quiet hours, and turning a local wall-clock time into UTC.

Everything is computed from UTC "now" and the person's zone through ``zoneinfo``, so a
daylight-saving change moves a 10:00 nudge with the wall clock, not with UTC. Pure
functions: no I/O, no framework.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

# A few zones per region, as buttons; anyone else types a city or an offset.
REGIONS: dict[str, tuple[str, ...]] = {
    "africa": ("Africa/Lagos", "Africa/Accra", "Africa/Nairobi", "Africa/Johannesburg",
               "Africa/Kinshasa", "Africa/Addis_Ababa"),
    "mena": ("Africa/Cairo", "Africa/Casablanca", "Asia/Beirut", "Asia/Amman",
             "Asia/Baghdad", "Asia/Dubai"),
    "europe": ("Europe/London", "Europe/Madrid", "Europe/Berlin", "Europe/Athens",
               "Europe/Kyiv", "Europe/Istanbul"),
    "asia_pacific": ("Asia/Karachi", "Asia/Kolkata", "Asia/Dhaka", "Asia/Jakarta",
                     "Asia/Manila", "Australia/Sydney"),
    "latam": ("America/Mexico_City", "America/Bogota", "America/Lima", "America/Santiago",
              "America/Sao_Paulo", "America/Argentina/Buenos_Aires"),
    "north_america": ("America/Los_Angeles", "America/Denver", "America/Chicago",
                      "America/New_York", "America/Toronto", "America/Puerto_Rico"),
}

# Big cities whose zone carries another city's name.
CITY_ALIASES: dict[str, str] = {
    "delhi": "Asia/Kolkata", "new_delhi": "Asia/Kolkata", "mumbai": "Asia/Kolkata",
    "bangalore": "Asia/Kolkata", "bengaluru": "Asia/Kolkata", "chennai": "Asia/Kolkata",
    "beijing": "Asia/Shanghai", "islamabad": "Asia/Karachi", "lahore": "Asia/Karachi",
    "abuja": "Africa/Lagos", "washington": "America/New_York", "boston": "America/New_York",
    "miami": "America/New_York", "atlanta": "America/New_York",
    "san_francisco": "America/Los_Angeles", "seattle": "America/Los_Angeles",
    "houston": "America/Chicago", "rio_de_janeiro": "America/Sao_Paulo",
    "rio": "America/Sao_Paulo", "brasilia": "America/Sao_Paulo", "quito": "America/Guayaquil",
    "kyiv": "Europe/Kyiv", "kiev": "Europe/Kyiv", "rabat": "Africa/Casablanca",
    "ankara": "Europe/Istanbul", "geneva": "Europe/Zurich", "barcelona": "Europe/Madrid",
    "durban": "Africa/Johannesburg", "cape_town": "Africa/Johannesburg",
    "pretoria": "Africa/Johannesburg", "goma": "Africa/Lubumbashi",
    "mexico": "America/Mexico_City",
    "ciudad_de_mexico": "America/Mexico_City", "cdmx": "America/Mexico_City",
    "sao_paulo": "America/Sao_Paulo", "saigon": "Asia/Ho_Chi_Minh", "hanoi": "Asia/Bangkok",
    "ramallah": "Asia/Hebron", "alger": "Africa/Algiers", "le_caire": "Africa/Cairo",
    "el_cairo": "Africa/Cairo", "londres": "Europe/London", "nueva_york": "America/New_York",
}

OFFSET = re.compile(r"(?:utc|gmt)?\s*([+\-−])\s*(\d{1,2})(?:[:.h]?(\d{2}))?")
CLOCK = r"(\d{1,2})(?:[:.h](\d{2})|h)?"
SPAN = re.compile(rf"{CLOCK}\s*(?:-|–|—|to|a|à|إلى)\s*{CLOCK}")


def _key(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[\s\-']+", "_", ascii_text.strip().lower())


@cache
def _zones_by_city() -> dict[str, str]:
    by_city: dict[str, str] = {}
    for zone in sorted(available_timezones()):
        if "/" in zone and not zone.startswith(("Etc/", "SystemV/", "US/")):
            by_city.setdefault(zone.rsplit("/", 1)[1].lower(), zone)
    by_city.update(CITY_ALIASES)
    return by_city


def format_offset(minutes: int) -> str:
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{mins:02d}"


def parse_zone(text: str) -> str | None:
    """A zone name we store for what someone typed: an IANA zone, or ``UTC±HH:MM``."""
    cleaned = text.strip()
    if cleaned.lower() in ("utc", "gmt", "z"):
        return "UTC"
    match = OFFSET.fullmatch(cleaned.lower())
    if match:
        sign = -1 if match.group(1) in "-−" else 1
        minutes = int(match.group(2)) * 60 + int(match.group(3) or 0)
        if minutes > 14 * 60 or int(match.group(3) or 0) >= 60:
            return None
        return format_offset(sign * minutes)
    if cleaned in available_timezones():
        return cleaned
    return _zones_by_city().get(_key(cleaned))


def resolve(zone: str) -> tzinfo:
    """The tzinfo for a stored zone name (IANA, or ``UTC±HH:MM``)."""
    if zone.startswith("UTC") and len(zone) == 9:
        sign = -1 if zone[3] == "-" else 1
        return timezone(sign * timedelta(hours=int(zone[4:6]), minutes=int(zone[7:9])))
    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def utc_offset_label(zone: str, at: datetime) -> str:
    offset = at.astimezone(resolve(zone)).utcoffset() or timedelta()
    minutes = int(offset.total_seconds() // 60)
    hours, mins = divmod(abs(minutes), 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{hours}" + (f":{mins:02d}" if mins else "")


def city_label(zone: str) -> str:
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def parse_quiet_hours(text: str) -> tuple[int, int] | None:
    """``"22:00-07:30"`` → minutes after midnight (1320, 450); None if unreadable or empty."""
    match = SPAN.fullmatch(text.strip().lower())
    if not match:
        return None
    h1, m1, h2, m2 = (int(g) if g else 0 for g in match.groups())
    if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
        return None
    start, end = h1 * 60 + m1, h2 * 60 + m2
    return None if start == end else (start, end)


def format_clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# -- a person's local time ----------------------------------------------------------------
def local(now: datetime, zone: str) -> datetime:
    return now.astimezone(resolve(zone))


def in_quiet_hours(moment: datetime, start: int, end: int) -> bool:
    """Quiet hours are minutes after local midnight; the span may cross midnight."""
    minute = moment.hour * 60 + moment.minute
    if start == end:
        return False
    if start < end:
        return start <= minute < end
    return minute >= start or minute < end


def due(now: datetime, zone: str, day: date, hour: int, quiet: tuple[int, int]) -> bool:
    """Whether something meant for ``hour`` o'clock on ``day`` (local) may go out now: the
    moment has come, and the person is not inside their quiet hours (then it waits)."""
    here = local(now, zone)
    at = datetime.combine(day, time(hour), tzinfo=here.tzinfo)
    return here >= at and not in_quiet_hours(here, *quiet)


def to_utc(wall: datetime, zone: str | tzinfo) -> datetime | None:
    """A wall-clock time (naive) in ``zone``, as UTC. None for a time that never happens there
    (the hour skipped when clocks go forward). In the hour that happens twice (clocks going
    back), the first one: ``fold=0``, what people mean when they name it."""
    place = resolve(zone) if isinstance(zone, str) else zone
    moment = wall.replace(tzinfo=place, fold=0)
    if moment.astimezone(UTC).astimezone(place).replace(tzinfo=None) != wall:
        return None
    return moment.astimezone(UTC)

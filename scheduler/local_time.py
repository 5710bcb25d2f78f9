"""A person's local time: when something is due for them, and whether they are asleep.

Everything is computed from UTC "now" and the person's zone through ``zoneinfo``, so a
daylight-saving change moves a 10:00 nudge with the wall clock, not with UTC."""

from __future__ import annotations

from datetime import date, datetime, time

from handlers.timezones import resolve


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

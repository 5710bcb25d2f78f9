"""A live session's calendar file (``.ics``, RFC 5545), and the name it is sent under."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from bot.local_time import resolve
from storage.models import LiveSession


def ics(item: LiveSession, now: datetime, zone: str = "UTC") -> bytes:
    """A small calendar file (RFC 5545, written by ``icalendar``: escaped, and folded at 75
    octets however long the title or link) any phone calendar imports, its start in the
    reader's zone with that zone's rules for the weeks around it."""
    calendar = Calendar()
    calendar.add("prodid", "-//exchange-bot//sessions//EN")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"session-{item.id}@exchange-bot")
    event.add("dtstamp", now.astimezone(UTC))
    here = resolve(zone)
    # A fixed offset ("UTC+3") has no TZID a calendar knows: such a start is written in UTC.
    named = isinstance(here, ZoneInfo) and zone != "UTC"
    start = item.starts_at.astimezone(here if named else UTC)
    event.add("dtstart", start)
    event.add("duration", timedelta(minutes=item.minutes))
    event.add("summary", item.title)
    if item.where.startswith(("http://", "https://")):
        event.add("url", item.where)
        event.add("location", item.where)  # where most calendars show a place, tappable
    elif item.where:
        event.add("location", item.where)
    calendar.add_component(event)
    if named:
        # The zone's rules around the session only: the whole 1970-2038 history of a zone
        # with summer time would make the file a hundred times bigger.
        calendar.add_missing_timezones(first_date=start.date() - timedelta(days=366),
                                       last_date=start.date() + timedelta(days=366))
    return calendar.to_ical()


def ics_filename(item: LiveSession) -> str:
    """``session-7-safety-planning-live.ics``: a name a person recognises in their files."""
    words = re.sub(r"[^a-z0-9]+", "-", item.title.lower()).strip("-")[:40].rstrip("-")
    return f"session-{item.id}" + (f"-{words}" if words else "") + ".ics"

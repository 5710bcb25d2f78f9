"""One follow-up sweep over 50,000 participants across 40 time zones, with a check-in round due.

The database is filled first (one exchange that ended a week ago, 50 cohorts, everyone joined
and consenting to follow-ups); then a fresh process runs the sweeps, so its peak RSS is the
sweep's own (plus the interpreter and libraries). Printed per sweep: seconds, what was queued,
and the peak RSS. The first sweep does the round's work (those whose 10:00 has come and who
are not inside their quiet hours); the second finds nothing new (the steady state of a sweep
every five minutes); with ``--no-quiet`` nobody is asleep, so the first sweep takes everyone.
With ``--analyze`` the database has planner statistics of the filled tables (ANALYZE, as
autovacuum keeps them in production); without, it has none, as after a bulk import or a
restore: the sweep must be fast either way.

    .venv/bin/python bench/sweep.py [--participants 50000] [--database URL] [--no-quiet]
                                    [--analyze]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cryptography.fernet import Fernet
from pydantic import SecretStr
from sqlalchemy import insert, text

from bot.clock import FakeClock
from bot.compose import build_app
from bot.config import Settings
from handlers.consent import POLICY_VERSION
from storage import exchanges
from storage.models import ConsentEvent, Participant

BENCH_KEY = SecretStr(Fernet.generate_key().decode())  # a throwaway key per run
ZONES = (
    "Pacific/Pago_Pago", "Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles",
    "America/Denver", "America/Mexico_City", "America/Chicago", "America/Bogota",
    "America/New_York", "America/Caracas", "America/Santiago", "America/Sao_Paulo",
    "America/Argentina/Buenos_Aires", "Atlantic/South_Georgia", "Atlantic/Azores", "UTC",
    "Europe/London", "Africa/Lagos", "Europe/Berlin", "Africa/Johannesburg", "Africa/Cairo",
    "Europe/Istanbul", "Africa/Nairobi", "Asia/Tehran", "Asia/Dubai", "Asia/Kabul",
    "Asia/Karachi", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Dhaka", "Asia/Yangon",
    "Asia/Bangkok", "Asia/Manila", "Asia/Tokyo", "Australia/Adelaide", "Australia/Sydney",
    "Pacific/Noumea", "Pacific/Auckland", "Pacific/Tongatapu", "Pacific/Kiritimati",
)
NOW = datetime(2026, 6, 15, 9, 0, tzinfo=UTC)


def settings(database: str) -> Settings:
    return Settings(_env_file=None, database_url=database, data_key=BENCH_KEY)


async def fill(database: str, people: int, quiet: bool, analyze: bool) -> None:
    app = build_app(settings(database), clock=FakeClock(NOW))
    await app.start()
    ends = (NOW - timedelta(days=8)).date()  # the +7 round began a day ago: due everywhere
    async with app.sessions() as session:
        exchange, first = await exchanges.create_exchange(
            session, "Sweep Exchange", ends - timedelta(days=4), ends, created_by=None, now=NOW)
        cohorts = [first.id] + [
            c.id for c in [await exchanges.create_cohort(session, exchange, f"Cohort {n}",
                                                         now=NOW) for n in range(2, 51)] if c]
        rows = [{"telegram_id": 10_000_000 + n, "cohort_id": cohorts[n % len(cohorts)],
                 "role": "participant", "language": ("en", "es", "fr", "ar")[n % 4],
                 "step": "menu", "step_data": {}, "timezone": ZONES[n % len(ZONES)],
                 "quiet_start": 21 * 60 if quiet else 0, "quiet_end": 8 * 60 if quiet else 0,
                 "module_nudges": 0, "onboarded_at": NOW - timedelta(days=12),
                 "created_at": NOW, "updated_at": NOW} for n in range(people)]
        for start in range(0, people, 5000):
            await session.execute(insert(Participant), rows[start:start + 5000])
        ids = list(await session.scalars(Participant.__table__.select().with_only_columns(
            Participant.id)))
        consents = [{"participant_id": pid, "purpose": "followup", "granted": True,
                     "policy_version": POLICY_VERSION, "created_at": NOW} for pid in ids]
        for start in range(0, len(consents), 5000):
            await session.execute(insert(ConsentEvent), consents[start:start + 5000])
        await session.commit()
    if analyze:
        async with app.engine.connect() as connection:
            if database.startswith("postgresql"):
                await connection.execution_options(isolation_level="AUTOCOMMIT")
            await connection.execute(text("ANALYZE"))
            await connection.commit()
    await app.close()


async def sweep(database: str) -> None:
    """In its own process: two sweeps, timed, then the peak RSS."""
    from scheduler.nudges import run_nudges

    app = build_app(settings(database), clock=FakeClock(NOW))
    await app.start()
    results = []
    for _ in range(2):
        began = time.perf_counter()
        queued = await run_nudges(app)
        results.append({"seconds": time.perf_counter() - began, "queued": dict(queued)})
    await app.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"sweeps": results, "peak_mb": peak}))


async def main_async(people: int, database: str | None, quiet: bool, analyze: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = database or f"sqlite+aiosqlite:///{Path(folder) / 'sweep.db'}"
        began = time.perf_counter()
        await fill(url, people, quiet, analyze)
        print(f"{people} participants in {len(ZONES)} time zones, 50 cohorts "
              f"(filled in {time.perf_counter() - began:.1f} s; quiet hours "
              f"{'21:00-08:00' if quiet else 'off'}; planner statistics "
              f"{'yes' if analyze else 'none'}), at {NOW:%Y-%m-%d %H:%M} UTC, "
              f"on {url.split(':', 1)[0]}")
        child = await asyncio.create_subprocess_exec(
            sys.executable, __file__, "--sweep-only", url, stdout=asyncio.subprocess.PIPE)
        out, _ = await child.communicate()
    figures = json.loads(out.decode().strip().splitlines()[-1])
    for n, result in enumerate(figures["sweeps"], 1):
        queued = {k: v for k, v in result["queued"].items() if v}
        print(f"  sweep {n}: {result['seconds']:.2f} s, queued {queued or 'nothing'}")
    print(f"  peak RSS of the sweeping process: {figures['peak_mb']:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=50_000)
    parser.add_argument("--database", help="a PostgreSQL URL (its own empty database)")
    parser.add_argument("--no-quiet", action="store_true", help="nobody inside quiet hours")
    parser.add_argument("--analyze", action="store_true",
                        help="ANALYZE after filling (planner statistics)")
    parser.add_argument("--sweep-only", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.sweep_only:
        asyncio.run(sweep(args.sweep_only))
    else:
        asyncio.run(main_async(args.participants, args.database, not args.no_quiet,
                               args.analyze))


if __name__ == "__main__":
    main()

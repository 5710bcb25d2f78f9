"""A broadcast to 3,000 participants through the fake Bot API enforcing Telegram's flood limits,
scaled up (300 messages/s instead of 30) so the run takes about ten seconds.

The fake server runs in its own process, so its work does not eat the dispatcher's CPU. The
bot side is the real outbox and dispatcher on SQLite (or PostgreSQL with ``--database``),
sending through the chosen framework's adapter. Printed: the achieved rate as a share of the
enforced limit (first to last accepted send, as the server saw them), recipients who got
nothing (lost) or more than one copy (duplicated), the 429s the server answered, and the bot
process's CPU time per accepted send (above ~3 ms a send, 300 a second cannot fit in one core).

A third of the way through, an incident alert for another exchange is queued in the urgent
lane, as the incident handler does; printed: how long it took to reach its contact (until
Telegram's answer was recorded, so an upper bound). The target is two seconds.

    .venv/bin/python bench/broadcast.py [--framework aiogram|ptb] [--recipients 3000]
                                        [--limit 300] [--database URL]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cryptography.fernet import Fernet
from pydantic import SecretStr
from sqlalchemy import select, text

from bot.app import App
from bot.clock import RunningClock
from bot.compose import build_app
from bot.config import Settings
from bot.outbox_dispatcher import OutboxDispatcher
from bot.transports.telegram import telegram_transport
from storage import outbox
from storage.database import create_engine
from storage.models import OutboxMessage
from tests.cohort_helpers import seed_broadcast
from tests.fake_telegram import FakeTelegram

BENCH_KEY = SecretStr(Fernet.generate_key().decode())  # a throwaway key per run
TOKEN = "123456:BENCH-token"
SENDER = 9_000_000
CONTACT = 9_000_001  # a safety contact of another exchange
FIRST = 10_000
TEXT = "Circle tonight at 18:00"


# -- the server process ------------------------------------------------------------------
async def serve_fake(recipients: int, limit: float) -> None:
    """Serve until stdin closes, then print what the server saw as one JSON line."""
    server = FakeTelegram()
    for user_id in [SENDER, CONTACT, *range(FIRST, FIRST + recipients)]:
        server.add_user(user_id)
    await server.start()
    server.set_rate_limit(limit, per_chat_per_second=1, chat_burst=3)
    print(server.base_url, flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    sends = [c for c in server.calls_of("sendMessage") if c.status == 200]
    copies = Counter(int(c.params["chat_id"]) for c in sends
                     if int(c.params["chat_id"]) != CONTACT)
    print(json.dumps({
        "accepted": len(sends),
        "first": min((c.at for c in sends), default=0.0),
        "last": max((c.at for c in sends), default=0.0),
        "throttled": server.throttled,
        "copies": {str(k): v for k, v in copies.items()},
    }), flush=True)
    await server.stop()


# -- the bot side ------------------------------------------------------------------------
async def run(framework: str, recipients: int, limit: float, database: str | None) -> None:
    server = await asyncio.create_subprocess_exec(
        sys.executable, __file__, "--serve-fake", "--recipients", str(recipients),
        "--limit", str(limit), stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    assert server.stdout is not None
    assert server.stdin is not None
    base_url = (await server.stdout.readline()).decode().strip()
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            data_key=BENCH_KEY,
            _env_file=None, bot_token=SecretStr(TOKEN), bot_api_url=base_url,
            bot_framework=framework,  # type: ignore[arg-type]
            database_url=database or f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}",
            outbox_rate=limit)
        schema = f"bench_{uuid.uuid4().hex[:10]}"
        engine = None
        if database and database.startswith("postgresql"):  # a schema of its own, dropped after
            async with create_engine(database).begin() as connection:
                await connection.execute(text(f'CREATE SCHEMA "{schema}"'))
            engine = create_engine(database, connect_args={
                "server_settings": {"search_path": schema}})
        app = build_app(settings, clock=RunningClock(datetime.now(UTC)), engine=engine)
        await app.start()
        broadcast_id, queued = await seed_broadcast(
            app, list(range(FIRST, FIRST + recipients)), sender=SENDER, text=TEXT)
        transport = telegram_transport(app)
        api = transport.api  # type: ignore[attr-defined]
        if framework == "ptb":
            await transport.application.initialize()  # type: ignore[attr-defined]
        dispatcher = OutboxDispatcher(app, api)
        began, cpu = time.perf_counter(), time.process_time()
        task = asyncio.create_task(dispatcher.run())
        alert = None
        while True:
            async with app.sessions() as session:
                counts = await outbox.counts(session, broadcast_id)
            if alert is None and counts.get(outbox.SENT, 0) >= queued // 3:
                alert = await alert_latency(app)
            if sum(counts.get(s, 0) for s in outbox.FINAL) >= queued:
                break
            await asyncio.sleep(0.2)
        elapsed = time.perf_counter() - began
        cpu = time.process_time() - cpu
        await dispatcher.stop()
        await task
        if framework == "ptb":
            await transport.application.shutdown()  # type: ignore[attr-defined]
        else:
            await transport.bot.session.close()  # type: ignore[attr-defined]
        await app.close()
        if engine is not None and database:
            cleanup = create_engine(database)
            async with cleanup.begin() as connection:
                await connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            await cleanup.dispose()
    server.stdin.close()
    seen = json.loads((await server.stdout.readline()).decode())
    await server.wait()
    copies = Counter(int(v) for v in seen["copies"].values())
    lost = recipients - sum(copies.values())
    duplicated = sum(n for count, n in copies.items() if count > 1)
    span = seen["last"] - seen["first"]
    rate = (seen["accepted"] - 1) / span if span > 0 else 0.0
    print(f"framework {framework}, {recipients} recipients, enforced limit {limit:.0f}/s")
    print(f"  wall time to the last final row: {elapsed:.1f} s; the bot's CPU: "
          f"{1000 * cpu / max(1, seen['accepted']):.2f} ms a send")
    print(f"  achieved rate: {rate:.1f}/s = {100 * rate / limit:.1f} % of the limit")
    print(f"  lost: {lost}   duplicated: {duplicated}   429s received: {seen['throttled']}")
    if alert is not None:
        print(f"  incident alert queued a third of the way in: reached its contact after "
              f"{alert:.2f} s (target 2 s)")
    print(f"  outbox: {dict(counts)}   dispatcher: {dispatcher.stats}")


async def alert_latency(app: App) -> float:
    """Queue an urgent message as the incident handler does, and time it until sent."""
    queued = time.perf_counter()
    async with app.sessions() as session:
        await outbox.enqueue(session, [outbox.NewMessage(
            "incident:bench", CONTACT, "Incident reported", lane=outbox.URGENT,
            exchange_id=0)], app.deps.clock.now())
        await session.commit()
    app.outbox_changed.set()
    while True:
        async with app.sessions() as session:
            status = await session.scalar(select(OutboxMessage.status)
                                          .where(OutboxMessage.key == "incident:bench"))
        if status in outbox.FINAL:
            return time.perf_counter() - queued
        await asyncio.sleep(0.01)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--framework", choices=("aiogram", "ptb"), default="aiogram")
    parser.add_argument("--recipients", type=int, default=3000)
    parser.add_argument("--limit", type=float, default=300.0)
    parser.add_argument("--database")
    parser.add_argument("--serve-fake", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_fake:
        asyncio.run(serve_fake(args.recipients, args.limit))
    else:
        asyncio.run(run(args.framework, args.recipients, args.limit, args.database))


if __name__ == "__main__":
    main()

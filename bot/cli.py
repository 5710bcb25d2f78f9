"""``exchange-bot``: ``chat`` (terminal, no token), ``run`` (Telegram), ``db upgrade``.

Framework imports stay inside ``run``: the other commands start in a fraction of a second.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
from pathlib import Path

from bot.config import Settings

CHAT_DATABASE = "sqlite+aiosqlite:///./data/chat.db"
CONSOLE_USER = 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="exchange-bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    chat = commands.add_parser("chat", help="talk to the bot in this terminal (no token needed)")
    chat.add_argument("--as", dest="role", choices=("participant", "coordinator"),
                      default="participant", help="coordinator: also allow admin commands")
    chat.add_argument("--user-id", type=int, default=CONSOLE_USER,
                      help="who you are in the chat (try another id to be a second person)")
    chat.add_argument("--database", default=CHAT_DATABASE,
                      help=f"database URL (default: {CHAT_DATABASE})")
    commands.add_parser("run", help="serve Telegram (needs BOT_TOKEN)")
    db = commands.add_parser("db", help="database maintenance")
    db.add_argument("action", choices=("upgrade",))
    content = commands.add_parser("content", help="content packs")
    content.add_argument("action", choices=("check",))
    content.add_argument("--root", type=Path, default=None,
                         help="the pack's folder (default: CONTENT_DIR, ./content)")
    args = parser.parse_args(argv)

    from bot.content import ContentError

    try:
        if args.command == "chat":
            return asyncio.run(_chat(args.role, args.user_id, args.database))
        if args.command == "run":
            return _run(Settings())
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"Not starting: {len(exc.problems)} problem(s) in the content pack "
              "(exchange-bot content check lists them).", file=sys.stderr)
        return 2
    if args.command == "db":
        return asyncio.run(_db_upgrade(Settings()))
    return _content_check(args.root or Settings().content_dir)


async def _chat(role: str, user_id: int, database: str) -> int:
    from bot.app import App
    from bot.logging_setup import setup_logging
    from bot.transports.console import ConsoleChat

    settings = Settings(database_url=database)
    if settings.pseudonym_key is None:
        # /export needs a key: the chat keeps its own beside its database, readable by us only.
        import os
        import secrets

        from pydantic import SecretStr
        from sqlalchemy.engine import make_url

        url = make_url(settings.database_url)
        local = url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")
        key_file = (Path(str(url.database)).parent if local else Path("data")) / "pseudonym.key"
        key_file.parent.mkdir(parents=True, exist_ok=True)
        private = os.O_WRONLY | os.O_CREAT | os.O_EXCL
        # Made on the first run only; later runs read it.
        with contextlib.suppress(FileExistsError), \
                os.fdopen(os.open(key_file, private, 0o600), "w") as out:
            out.write(secrets.token_hex(32))
        key = SecretStr(key_file.read_text(encoding="utf-8").strip())
        settings = settings.model_copy(update={"pseudonym_key": key})
    if role == "coordinator":
        settings = settings.model_copy(update={"admin_ids": settings.admin_ids | {user_id}})
    setup_logging("WARNING")  # the terminal is the conversation; keep logs out of it
    app = App.build(settings)
    await app.start()
    try:
        await ConsoleChat(app, user_id, interactive=sys.stdin.isatty()).run()
    finally:
        await app.close()
    return 0


async def _db_upgrade(settings: Settings) -> int:
    from storage.database import create_engine
    from storage.migrate import upgrade

    engine = create_engine(settings.database_url)
    try:
        await upgrade(engine)
    finally:
        await engine.dispose()
    print("database is up to date")
    return 0


def _content_check(root: Path) -> int:
    from bot.content import check

    pack, problems = check(root)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {root}", file=sys.stderr)
        return 1
    cards = sum(len(m.texts["en"].cards) for m in pack.modules.values())
    print(f"{root}: {len(pack.tracks)} tracks, {len(pack.modules)} modules, {cards} cards: ok")
    return 0


def _run(settings: Settings) -> int:
    if settings.bot_token is None or not settings.bot_token.get_secret_value():
        print("BOT_TOKEN is not set, so there is no Telegram bot to serve.\n"
              "To try the bot without Telegram, run: exchange-bot chat", file=sys.stderr)
        return 2
    if settings.webhook_url and settings.webhook_secret is None:
        print("WEBHOOK_URL is set but WEBHOOK_SECRET is not: Telegram's requests could not be\n"
              "told from anyone else's. Set WEBHOOK_SECRET (A-Z a-z 0-9 _ -, up to 256).",
              file=sys.stderr)
        return 2
    return asyncio.run(_serve(settings))


async def _serve(settings: Settings) -> int:
    from bot.app import App
    from bot.logging_setup import setup_logging

    token = settings.bot_token.get_secret_value() if settings.bot_token else ""
    setup_logging(settings.log_level, secrets=[token])
    app = App.build(settings)
    await app.start()
    from bot.transports.common import telegram_transport
    from scheduler.runner import build_scheduler

    transport = telegram_transport(app)
    scheduler = build_scheduler(app)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, lambda: asyncio.ensure_future(transport.stop()))
    scheduler.start()
    try:
        await transport.run()
    finally:
        scheduler.shutdown(wait=False)
        await app.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

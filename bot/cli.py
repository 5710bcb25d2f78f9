"""``exchange-bot``: ``chat`` (terminal, no token), ``run`` (Telegram), ``db upgrade``,
``content check | status | export | import | stamp`` (the pack and its translations).

Framework imports stay inside ``run``: the other commands start in a fraction of a second.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import os
import secrets
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from pydantic import SecretStr
from sqlalchemy.engine import make_url

from bot.config import Settings
from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES, supported

# The languages content is translated into, from English.
TARGETS = tuple(language for language in LANGUAGES if language != DEFAULT_LANGUAGE)
CHAT_DATABASE = "sqlite+aiosqlite:///./data/chat.db"
CONSOLE_USER = 1


HELP = """\
A Telegram companion for training exchanges: onboarding, learning modules, prompts,
check-ins, sessions and a safety desk, in English, Spanish, French and Arabic."""
EXAMPLES = """\
examples:
  exchange-bot chat                    try the bot in this terminal, no Telegram needed
  exchange-bot chat --as coordinator   ... with the coordinator commands too
  exchange-bot run                     serve Telegram (BOT_TOKEN and DATA_KEY set)
  exchange-bot db upgrade              bring the database to the newest schema
  exchange-bot content check           check the learning content pack

Settings come from the environment or a .env file (BOT_TOKEN, DATABASE_URL, DATA_KEY, ...);
README.md lists them all. "exchange-bot COMMAND --help" tells more about each command."""


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("exchange-bot")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="exchange-bot", description=HELP, epilog=EXAMPLES,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                     title="commands")
    chat = commands.add_parser("chat", help="talk to the bot in this terminal (no token needed)")
    chat.add_argument("--as", dest="role", choices=("participant", "coordinator"),
                      default="participant",
                      help="coordinator: the person you start as is also an administrator "
                           "(ADMIN_IDS)")
    chat.add_argument("--user-id", type=int, default=CONSOLE_USER,
                      help="whom you start as (the demo's people are 1-6; another id has not "
                           "joined and needs an invite); /as in the chat switches")
    chat.add_argument("--database", default=CHAT_DATABASE,
                      help=f"database URL (default: {CHAT_DATABASE})")
    commands.add_parser("run", help="serve Telegram (needs BOT_TOKEN)")
    db = commands.add_parser("db", help="database maintenance: db upgrade",
                             description="upgrade: bring the database (DATABASE_URL) to the "
                                         "newest schema, saying from which revision to which")
    db.add_argument("action", choices=("upgrade",))
    _content_parsers(commands.add_parser("content", help="content packs and translations"))
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
    return _content(args, args.root or Settings().content_dir)


def _content_parsers(content: argparse.ArgumentParser) -> None:
    actions = content.add_subparsers(dest="action", required=True)
    check = actions.add_parser("check", help="list every problem of the pack")
    status = actions.add_parser("status", help="per language: translated, outdated, missing")
    status.add_argument("--language", action="append", default=[], choices=TARGETS,
                        help="only this language (may repeat; default: all but English)")
    status.add_argument("--list", action="store_true", help="list the strings that need work")
    export = actions.add_parser("export", help="strings a language needs, as a PO or XLIFF file")
    export.add_argument("language", choices=TARGETS)
    export.add_argument("file", type=Path, help="where to write it: a .po, .xlf or .xliff name")
    export.add_argument("--all", action="store_true",
                        help="every string, not only missing and outdated ones")
    export.add_argument("--only", action="append", default=[], metavar="PREFIX",
                        help="only strings under this id, e.g. modules/risk-assessment")
    imported = actions.add_parser("import", help="a translated PO or XLIFF file, checked first")
    imported.add_argument("language", choices=TARGETS)
    imported.add_argument("file", type=Path)
    stamp = actions.add_parser("stamp", help="record translations written by hand in TOML as "
                                             "made from today's English")
    stamp.add_argument("language", choices=TARGETS)
    stamp.add_argument("prefix", nargs="*",
                       help="also re-stamp outdated strings under these ids (default: only "
                            "strings with no record)")
    for action in (check, status, export, imported, stamp):
        action.add_argument("--root", type=Path, default=None,
                            help="the pack's folder (default: CONTENT_DIR, ./content)")


def _content(args: argparse.Namespace, root: Path) -> int:
    if args.action == "check":
        return _content_check(root)
    from bot.translation import commands

    if args.action == "status":
        return commands.status(root, args.language, listing=args.list)
    if args.action == "export":
        return commands.export(root, args.language, args.file, everything=args.all,
                               only=args.only)
    if args.action == "import":
        return commands.import_file(root, args.language, args.file)
    return commands.stamp(root, args.language, args.prefix)


async def _chat(role: str, user_id: int, database: str) -> int:
    from bot.app import App
    from bot.logging_setup import setup_logging
    from bot.transports.console import ConsoleChat

    settings = Settings(database_url=database)
    # The chat keeps its own keys beside its database, readable by this user only: the
    # pseudonym key for /export, and the key that encrypts what people write.
    if settings.pseudonym_key is None:
        key, _ = _local_key(settings, "pseudonym.key", lambda: secrets.token_hex(32))
        settings = settings.model_copy(update={"pseudonym_key": SecretStr(key)})
    if settings.data_key is None:
        from storage.crypto import new_key

        key, created = _local_key(settings, "data.key", new_key)
        settings = settings.model_copy(update={"data_key": SecretStr(key)})
        if created:
            print(f"Made an encryption key for this chat's data: {_key_path(settings, 'data.key')}"
                  "\n(keep it: without it, the text people wrote cannot be read)\n")
    if role == "coordinator":
        settings = settings.model_copy(update={"admin_ids": settings.admin_ids | {user_id}})
    setup_logging("WARNING")  # the terminal is the conversation; keep logs out of it
    app = App.build(settings)
    await app.start()
    # The same jobs as in Telegram mode: scheduled prompts, check-ins and reminders happen
    # here too (each prints for the person it is for).
    from scheduler.jobs import send_nudges
    from scheduler.runner import build_scheduler

    scheduler = build_scheduler(app)

    async def start_jobs() -> None:
        await send_nudges(app)  # what is due now (the demo's check-ins), before the first line
        scheduler.start()

    language = supported(os.environ.get("LANG", "").replace("_", "-")) or DEFAULT_LANGUAGE
    try:
        await ConsoleChat(app, user_id, interactive=sys.stdin.isatty(), language=language,
                          on_open=start_jobs).run()
    finally:
        await scheduler.stop()
        await app.close()
    return 0


def _key_path(settings: Settings, name: str) -> Path:
    url = make_url(settings.database_url)
    local = url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")
    return (Path(str(url.database)).parent if local else Path("data")) / name


def _local_key(settings: Settings, name: str, make: Callable[[], str]) -> tuple[str, bool]:
    """The key in ``name`` beside the database, made on the first run; (key, made now)."""
    path = _key_path(settings, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    created = False
    with contextlib.suppress(FileExistsError), \
            os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as out:
        out.write(make())
        created = True
    return path.read_text(encoding="utf-8").strip(), created


async def _db_upgrade(settings: Settings) -> int:
    from storage.crypto import configure
    from storage.database import create_engine
    from storage.migrate import head, revision, upgrade

    if settings.data_key is not None:  # so the upgrade encrypts what was written in plain
        configure(settings.data_key.get_secret_value().split(","))
    where = make_url(settings.database_url).render_as_string(hide_password=True)
    engine = create_engine(settings.database_url)
    try:
        before = await revision(engine)
        if before is not None and before == head():
            print(f"{where}: already up to date (revision {before})")
            return 0
        await upgrade(engine)
        after = await revision(engine)
    finally:
        await engine.dispose()
    if before is None:
        print(f"{where}: created the schema at revision {after}")
    else:
        print(f"{where}: upgraded from revision {before} to {after}")
    return 0


def _content_check(root: Path) -> int:
    from bot.content import check, fallbacks

    pack, problems = check(root)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {root}", file=sys.stderr)
        return 1
    cards = sum(len(m.texts["en"].cards) for m in pack.modules.values())
    print(f"{root}: {len(pack.tracks)} tracks, {len(pack.modules)} modules, {cards} cards, "
          f"{len(pack.glossary.ids)} glossary terms, {len(pack.library)} library items: ok")
    for lang, missing in fallbacks(pack).items():
        # Not a problem (English stands in, marked), but a language's readers deserve to know.
        print(f"{lang}: " + (f"{len(missing)} shown in English: {', '.join(missing)}"
                             if missing else "no fallback"))
    return 0


def _run(settings: Settings) -> int:
    if settings.bot_token is None or not settings.bot_token.get_secret_value():
        print("BOT_TOKEN is not set, so there is no Telegram bot to serve.\n"
              "To try the bot without Telegram, run: exchange-bot chat", file=sys.stderr)
        return 2
    if settings.data_key is None or not settings.data_key.get_secret_value():
        print("DATA_KEY is not set: what people write (reflections, notes, stories, incident\n"
              "reports) is stored encrypted with it. Make one with:\n"
              "  python -c 'from cryptography.fernet import Fernet; "
              "print(Fernet.generate_key().decode())'\n"
              "and keep it safe: without it the stored text cannot be read.", file=sys.stderr)
        return 2
    from storage.crypto import configure

    try:
        configure(settings.data_key.get_secret_value().split(","))
    except ValueError:
        print("DATA_KEY is not a valid key: it must be 32 url-safe base64-encoded bytes, as\n"
              "Fernet.generate_key() makes (several may be listed, comma-separated).",
              file=sys.stderr)
        return 2
    if settings.webhook_url and settings.webhook_secret is None:
        print("WEBHOOK_URL is set but WEBHOOK_SECRET is not: Telegram's requests could not be\n"
              "told from anyone else's. Set WEBHOOK_SECRET (A-Z a-z 0-9 _ -, up to 256).",
              file=sys.stderr)
        return 2
    return asyncio.run(_serve(settings))


async def _serve(settings: Settings) -> int:
    # SIGTERM or Ctrl-C from the first moment: while the framework imports, the database
    # migrates or Telegram does not answer yet, it is a clean stop (exit 0), not a traceback.
    stop_requested = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop_requested.set)
    from bot.app import App
    from bot.logging_setup import setup_logging

    token = settings.bot_token.get_secret_value() if settings.bot_token else ""
    setup_logging(settings.log_level, secrets=[token])
    app = App.build(settings)
    await app.start()
    from bot.transports.telegram import telegram_transport
    from scheduler.runner import build_scheduler

    transport = telegram_transport(app)
    scheduler = build_scheduler(app)

    async def stop_when_asked() -> None:
        await stop_requested.wait()
        await transport.stop()

    stopper = asyncio.create_task(stop_when_asked())
    # What is built by now (content, translations, ORM and framework classes) lives as long
    # as the process: frozen, it is out of the collector's sight, and the full collections
    # that busy polling triggers every few hundred updates no longer re-scan it (about half a
    # second each; without the freeze the aiogram bot fell to 0.64x a bare bot, see
    # bench/README.md). Once per process, here: in a test process it would make every test's
    # objects immortal.
    gc.collect()
    gc.freeze()
    scheduler.start()
    try:
        await transport.run()
    finally:
        stopper.cancel()
        await scheduler.stop()
        await app.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

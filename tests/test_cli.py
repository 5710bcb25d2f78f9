"""The console script: the terminal chat with piped input, ``run`` without a token, ``db``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.config import PROJECT_ROOT
from bot.i18n import Translator
from tests.conftest import DATA_KEY

EXE = Path(sys.executable).with_name("exchange-bot")
T = Translator(PROJECT_ROOT / "locales")


def run(args: list[str], cwd: Path, stdin: str = "", env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items()
             if k not in ("BOT_TOKEN", "DATABASE_URL", "ADMIN_IDS", "DATA_KEY", "PSEUDONYM_KEY")}
    return subprocess.run([str(EXE), *args], input=stdin, capture_output=True, text=True,
                          cwd=cwd, env={**clean, **(env or {})}, timeout=60, check=False)


def who(name: str, role: str) -> str:
    return f"{name} ({T.format('en', f'console-role-{role}')})"


def test_chat_onboards_a_newcomer_who_brings_the_demo_invite(tmp_path: Path) -> None:
    # a new person; language, four consents, code of conduct, region, a typed city, default
    # quiet hours
    script = "/as 7\n/start demo-newcomer\n1\n1\n2\n1\n2\n1\n1\nNairobi\n1\n/consent\n"
    done = run(["chat"], tmp_path, script)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert T.format("en", "console-demo-created", {"exchange": "Demo exchange"}) in out
    assert T.format("en", "console-newcomer-hint", {"id": 7, "code": "demo-newcomer"}) in out
    assert T.format("en", "join-how") in out  # not joined until the invite
    assert T.format("en", "onb-done", {"zone": "Africa/Nairobi", "start": "21:00",
                                       "end": "08:00"}) in out
    assert T.format("en", "consent-state-no", {"question": T.format("en", "consent-stories")}) \
        in out
    assert (tmp_path / "data" / "chat.db").exists()
    assert "Traceback" not in done.stderr

    # A second run resumes: no new demo exchange, straight back to the menu.
    again = run(["chat", "--user-id", "7"], tmp_path, "/menu\n")
    demo = T.format("en", "console-demo-created", {"exchange": "Demo exchange"})
    assert demo not in again.stdout
    assert T.format("en", "welcome-back") in again.stdout
    assert T.format("en", "menu-title") in again.stdout


def test_a_new_user_id_is_not_put_into_the_demo(tmp_path: Path) -> None:
    done = run(["chat", "--user-id", "42"], tmp_path, "/menu\n/start no-such-code\n")
    assert done.returncode == 0, done.stderr
    assert T.format("en", "join-how") in done.stdout
    assert T.format("en", "join-invalid") in done.stdout
    assert T.format("en", "menu-title") not in done.stdout


def test_piped_chat_switches_people_and_shows_whom_a_broadcast_reached(tmp_path: Path) -> None:
    script = "/as dana\n/broadcast\n1\nThe reading for Friday is out.\n1\n/as amara\n/menu\n"
    done = run(["chat"], tmp_path, script)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert T.format("en", "console-now", {"who": who("Dana", "facilitator")}) in out
    sender = T.format("en", "bc-from", {"sender": "Dana"})
    for name in ("Amara", "Bilal", "Camila"):
        assert f"→ {who(name, 'participant')}: {sender}" in out
    # Each copy printed before the next line was read, and the typist changed back.
    assert out.index(f"→ {who('Camila', 'participant')}: {sender}") \
        < out.index(f"{who('Amara', 'participant')}> /menu")
    assert "Traceback" not in done.stderr


def test_chat_as_coordinator_can_create_and_invite(tmp_path: Path) -> None:
    done = run(["chat", "--as", "coordinator"], tmp_path,
               "/newexchange Lima Exchange 2026-05-04 2026-05-08\n/invite lima-exchange\n")
    assert done.returncode == 0, done.stderr
    assert "/invite lima-exchange" in done.stdout
    assert "/start " in done.stdout.split("/invite lima-exchange")[-1]


def test_chat_participant_cannot_use_admin_commands(tmp_path: Path) -> None:
    done = run(["chat"], tmp_path, "/newexchange X 2026-01-01 2026-01-02\n")
    assert T.format("en", "admin-only") in done.stdout


def test_run_without_token_names_the_chat(tmp_path: Path) -> None:
    done = run(["run"], tmp_path)
    assert done.returncode == 2
    assert "exchange-bot chat" in done.stderr
    assert "Traceback" not in done.stderr


def test_run_without_a_data_key_refuses_to_start(tmp_path: Path) -> None:
    done = run(["run"], tmp_path, env={"BOT_TOKEN": "123:abc"})
    assert done.returncode == 2
    assert "DATA_KEY is not set" in done.stderr
    assert "Traceback" not in done.stderr


def test_run_with_a_malformed_data_key_says_so(tmp_path: Path) -> None:
    done = run(["run"], tmp_path, env={"BOT_TOKEN": "123:abc", "DATA_KEY": "not-a-key"})
    assert done.returncode == 2
    assert "DATA_KEY is not a valid key" in done.stderr
    assert "Traceback" not in done.stderr


def test_chat_makes_its_own_data_key_once_and_says_where(tmp_path: Path) -> None:
    first = run(["chat"], tmp_path, "/menu\n")
    key = tmp_path / "data" / "data.key"
    assert "encryption key for this chat's data: data/data.key" in first.stdout
    assert key.stat().st_mode & 0o777 == 0o600
    again = run(["chat"], tmp_path, "/menu\n")
    assert "encryption key" not in again.stdout
    assert key.read_text() == key.read_text().strip()


def test_db_upgrade_says_what_it_did(tmp_path: Path) -> None:
    from storage.migrate import head

    url = f"sqlite+aiosqlite:///{tmp_path / 'x.db'}"
    done = run(["db", "upgrade"], tmp_path, env={"DATABASE_URL": url})
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "x.db").exists()
    assert done.stdout == f"{url}: created the schema at revision {head()}\n"
    again = run(["db", "upgrade"], tmp_path, env={"DATABASE_URL": url})
    assert again.stdout == f"{url}: already up to date (revision {head()})\n"


async def test_db_upgrade_from_an_older_revision_names_both(tmp_path: Path) -> None:
    from storage.database import create_engine
    from storage.migrate import head, revision, upgrade

    url = f"sqlite+aiosqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    await upgrade(engine, "0011")
    await engine.dispose()
    done = run(["db", "upgrade"], tmp_path, env={"DATABASE_URL": url, "DATA_KEY": DATA_KEY})
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{url}: upgraded from revision 0011 to {head()}\n"
    engine = create_engine(url)
    assert await revision(engine) == head()
    await engine.dispose()


def test_help_reads_as_help_and_version_answers(tmp_path: Path) -> None:
    done = run(["--help"], tmp_path)
    assert done.returncode == 0
    assert "``" not in done.stdout and "Framework imports" not in done.stdout
    for command in ("chat", "run", "db", "content"):
        assert f"\n    {command} " in done.stdout  # each command, with what it does
    assert "exchange-bot db upgrade" in done.stdout and "README.md" in done.stdout
    from importlib.metadata import version

    shown = run(["--version"], tmp_path)
    assert shown.returncode == 0 and shown.stdout == f"exchange-bot {version('exchange-bot')}\n"


def test_a_broken_content_pack_stops_the_bot_from_starting(tmp_path: Path) -> None:
    from tests.test_content import ENGLISH, pack

    broken = pack(tmp_path / "pack", english=ENGLISH.replace('next = "end-y"', 'next = "no"'))
    for command in (["chat"], ["run"]):
        done = run(command, tmp_path, "/start\n", env={"CONTENT_DIR": str(broken),
                                                       "BOT_TOKEN": "123:abc",
                                                       "DATA_KEY": DATA_KEY})
        assert done.returncode == 2
        assert "en.toml, card drill, step s1, choice y: leads to 'no'" in done.stderr
        assert "Traceback" not in done.stderr


def test_the_demo_check_in_arrives_at_once_and_asks_about_the_commitment(
        tmp_path: Path) -> None:
    done = run(["chat"], tmp_path, "1\n")  # Amara presses the newest button: her check-in
    assert done.returncode == 0, done.stderr
    invite = T.format("en", "checkin-invite", {"days": 7, "exchange": "Demo exchange"})
    for name in ("Amara", "Bilal", "Camila"):
        assert f"→ {who(name, 'participant')}: {invite}" in done.stdout
    assert T.format("en", "welcome-back") not in done.stdout  # the demo's first run
    asked = T.format("en", "checkin-commitment", {
        "number": 1, "total": 1, "what": T.format("en", "console-demo-commitment"),
        "due": "X"}).split(" (")[0]
    assert asked in done.stdout.split(f"{who('Amara', 'participant')}> 1")[1]

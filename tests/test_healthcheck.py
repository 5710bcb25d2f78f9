"""The Docker image's health probe (``python -m bot.healthcheck``) against a listener that
answers as the bot's ``/healthz`` does: 200 while up, 503 while Telegram is unreachable."""

from __future__ import annotations

import re
import threading
import tomllib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bot.healthcheck import health_url, probe


@pytest.fixture
def listener() -> Iterator[tuple[int, list[int]]]:
    """A loopback server whose /healthz answers the status at the end of the list."""
    status = [200]

    class Health(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(status[-1] if self.path == "/healthz" else 404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Health)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], status
    server.shutdown()
    server.server_close()


def test_the_probe_asks_the_webhook_listener(listener: tuple[int, list[int]]) -> None:
    port, status = listener
    env = {"WEBHOOK_URL": "https://bot.example.org/telegram",
           "WEBHOOK_LISTEN": f"0.0.0.0:{port}"}
    assert probe(env) == 0
    status.append(503)  # Telegram unreachable: the bot says so, and so does the probe
    assert probe(env) == 1
    assert probe({**env, "WEBHOOK_LISTEN": "127.0.0.1:1"}) == 1  # nobody listening


def test_polling_has_no_port_to_ask() -> None:
    assert probe({}) == 0


def test_the_listener_is_reached_from_inside_the_container() -> None:
    assert health_url("0.0.0.0:8080") == "http://127.0.0.1:8080/healthz"
    assert health_url("[::]:9000") == "http://127.0.0.1:9000/healthz"
    assert health_url("bot.internal:8443") == "http://bot.internal:8443/healthz"


def test_the_image_ships_every_package_and_probes_as_its_user() -> None:
    """No Docker daemon here to build the image, so its recipe is read: every package the
    project installs and every data folder the bot reads is copied in; the probe and the
    command are the real module and script; the data volume belongs to the bot's user."""
    root = Path(__file__).resolve().parent.parent
    recipe = (root / "Dockerfile").read_text(encoding="utf-8")
    copied = set(re.findall(r"^COPY (?:--from=\S+ )?(\S+)", recipe, re.MULTILINE))
    packages = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["setuptools"]["packages"]["find"]["include"]
    assert {name.rstrip("*") for name in packages} <= copied
    assert {"locales", "content", "pyproject.toml"} <= copied
    assert 'CMD ["python", "-m", "bot.healthcheck"]' in recipe
    assert 'CMD ["exchange-bot", "run"]' in recipe
    assert re.search(r"^EXPOSE 8080$", recipe, re.MULTILINE)
    assert re.search(r"chown exchangebot /app/data", recipe)
    assert recipe.index("USER exchangebot") < recipe.index('VOLUME ["/app/data"]')
    environment = dict(re.findall(r"(\w+)=(\S+)", recipe.split("USER exchangebot")[0]))
    assert environment["DATABASE_URL"].endswith("////app/data/exchange-bot.db")
    assert environment["WEBHOOK_LISTEN"].endswith(":8080")

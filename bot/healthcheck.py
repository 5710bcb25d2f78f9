"""The Docker image's health probe: ``python -m bot.healthcheck``, exit 0 when healthy.

In webhook mode (``WEBHOOK_URL`` set) it asks the bot's own listener for ``/healthz``, which
answers 200 while the bot and its database are up and 503 while Telegram cannot be reached.
In polling mode the bot opens no port, so there is nothing to ask: a live process is the
health there, and Docker's restart policy handles one that exits (``telegram_unreachable``
lines in the log say when Telegram cannot be reached).

Standard library only, and no settings object: it runs every 30 s and must stay cheap.
"""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request

TIMEOUT = 4  # seconds; Docker's own timeout for the probe is 5
ANY_ADDRESS = ("", "0.0.0.0", "::", "[::]")  # noqa: S104 - read, not bound


def health_url(listen: str) -> str:
    """``0.0.0.0:8080`` → ``http://127.0.0.1:8080/healthz``: the listener, from inside."""
    host, _, port = listen.rpartition(":")
    return f"http://{'127.0.0.1' if host in ANY_ADDRESS else host}:{port}/healthz"


def probe(environ: dict[str, str]) -> int:
    if not environ.get("WEBHOOK_URL"):
        return 0
    url = health_url(environ.get("WEBHOOK_LISTEN") or "0.0.0.0:8080")
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as answer:  # noqa: S310 - loopback
            return 0 if answer.status == 200 else 1
    except (urllib.error.URLError, OSError) as exc:  # 503 is an HTTPError, a URLError
        print(f"unhealthy: {url}: {exc}", file=sys.stderr)  # noqa: T201 - Docker shows it
        return 1


if __name__ == "__main__":
    sys.exit(probe(dict(os.environ)))

"""Handlers reach the database through named storage functions (``storage/*``), never with
queries of their own on ``ctx.session`` (or a session handed to them): what a feature reads
and writes has a name, a docstring and a place where a test can run it on SQLite and
PostgreSQL alike."""

from __future__ import annotations

import re
from pathlib import Path

HANDLERS = Path(__file__).resolve().parent.parent / "handlers"
AD_HOC = re.compile(
    r"\bsession\.(execute|scalars?|get|add|add_all|delete|flush|merge|stream|refresh)\(")


def test_handlers_query_through_storage_functions() -> None:
    found = [f"{path.name}:{number}: {line.strip()}"
             for path in sorted(HANDLERS.glob("*.py"))
             for number, line in enumerate(path.read_text().splitlines(), 1)
             if AD_HOC.search(line)]
    assert found == []

"""Writing the pack's TOML files back so that people can still read and edit them.

tomllib only reads. Files are written in the layout people use by hand: keys, then
``[[cards]]`` and ``[[cards.choices]]`` tables in order, short lists on one line, long texts as
multi-line blocks with their quotes unescaped. A file's opening comments (what the file is for,
how to edit it) are kept; every written text is read back and compared, so a writer bug
cannot corrupt a file.
"""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import tomli_w

from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES
from bot.translation.strings import Location

BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
TRANSLATIONS_LINE = re.compile(r"^translations\s*=\s*\[[^\]]*\]", re.MULTILINE)


def put(raw: dict[str, Any], where: Location, text: str) -> None:
    """Set the text at ``where`` (keys and list indexes) inside ``raw``."""
    target: Any = raw
    for step in where[:-1]:
        target = target[step]
    # A text of several lines is written as a block, opening and closing on lines of their
    # own, as people write them (the loader strips the line ends again).
    target[where[-1]] = text + "\n" if "\n" in text else text


def render(raw: dict[str, Any], comments: str = "") -> str:
    """The file's text in the pack's own layout; tomli-w's where a file has shapes ours
    never use. Either way it must read back as ``raw``."""
    try:
        body = "".join(_table(raw, ""))
    except _UnsupportedShapeError:
        body = tomli_w.dumps(raw, multiline_strings=True)
    text = comments + body if comments else body.lstrip("\n")
    if tomllib.loads(text) != raw:
        raise AssertionError("the TOML written does not read back the same")
    return text


class _UnsupportedShapeError(Exception):
    """A shape the pack's layout has no place for: tomli-w writes the file instead."""


def _table(raw: dict[str, Any], name: str) -> Iterator[str]:
    """Keys first, then ``[table]`` and ``[[array.of.tables]]`` in order: the way the pack's
    files are written by hand (tomli-w splits every list over lines and escapes every quote
    in a text, which makes cards hard to read)."""
    nested = []
    for key, value in raw.items():
        if isinstance(value, dict) or (isinstance(value, list) and value
                                       and all(isinstance(v, dict) for v in value)):
            nested.append((key, value))
        else:
            yield f"{_key(key)} = {_value(value)}\n"
    for key, value in nested:
        path = f"{name}.{_key(key)}" if name else _key(key)
        if isinstance(value, dict):
            if name:  # a table inside an array's table: not a shape of ours
                raise _UnsupportedShapeError
            yield f"\n[{path}]\n"
            yield from _table(value, path)
        else:
            gap = "" if name else "\n"  # a blank line before each card, none inside it
            for item in value:
                yield f"{gap}[[{path}]]\n"
                yield from _table(item, path)


def _key(key: str) -> str:
    return key if BARE_KEY.fullmatch(key) else _string(key)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return _block(value) if "\n" in value else _string(value)
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise _UnsupportedShapeError


def _string(text: str) -> str:
    return '"' + "".join(ESCAPES.get(c) or _control(c) for c in text) + '"'


def _block(text: str) -> str:
    """A multi-line text as people write it: quotes left alone (a run of three broken up),
    a backslash doubled, other control characters escaped."""
    last = '\\"' if text.endswith('"') else ""  # else it would run into the closing quotes
    words = text[:-1] if last else text
    body = "".join("\\\\" if c == "\\" else c if c in "\n\t" else _control(c) for c in words)
    return '"""\n' + body.replace('"""', '""\\"') + last + '"""'


def _control(char: str) -> str:
    return f"\\u{ord(char):04x}" if ord(char) < 0x20 or ord(char) == 0x7F else char


def opening_comments(path: Path) -> str:
    """The comment lines a file opens with (none when it does not exist)."""
    if not path.exists():
        return ""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if not line.startswith("#"):
            break
        lines.append(line)
    return "".join(lines)


def with_language(manifest: str, language: str) -> str:
    """A module.toml or glossary.toml whose ``translations`` lists ``language`` too; the
    line is edited in place, so the file's comments stay."""
    try:
        listed = [str(x) for x in tomllib.loads(manifest).get("translations",
                                                                [DEFAULT_LANGUAGE])]
    except tomllib.TOMLDecodeError:
        return manifest  # left as it is: the check that follows names the broken file
    if language in listed:
        return manifest
    wanted = sorted({*listed, language},
                    key=lambda x: LANGUAGES.index(x) if x in LANGUAGES else len(LANGUAGES))
    line = "translations = [" + ", ".join(f'"{x}"' for x in wanted) + "]"
    if TRANSLATIONS_LINE.search(manifest):
        edited = TRANSLATIONS_LINE.sub(line, manifest, count=1)
    else:
        edited = line + "\n" + manifest
    if tomllib.loads(edited).get("translations") != wanted:
        raise AssertionError("the translations line could not be edited")
    return edited


def read_text(path: Path) -> str:
    """A file's text, or "" when it does not exist (the check names a missing file)."""
    return path.read_text(encoding="utf-8") if path.exists() else ""


def write_atomically(path: Path, text: str) -> None:
    """Replace the file in one step: a reader never sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        Path(name).replace(path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise

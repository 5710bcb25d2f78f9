"""Checks a sender's text against Telegram's HTML formatting before anything is queued, so a
formatting mistake is shown in the preview instead of failing for every recipient."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Telegram's tags; anything else makes the Bot API refuse the whole message.
ALLOWED = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "tg-spoiler", "a",
           "code", "pre", "blockquote", "span"}
_ENTITY = re.compile(r"&(?!(?:lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});)")


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []
        self.problem: str | None = None

    def _fail(self, problem: str) -> None:
        self.problem = self.problem or problem

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED:
            self._fail(f"<{tag}>")
        elif tag == "span" and dict(attrs).get("class") != "tg-spoiler":
            self._fail("<span>")
        elif tag == "a" and not (dict(attrs).get("href") or "").strip():
            self._fail("<a> without href")
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self._fail(f"</{tag}>")
        else:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if "<" in data or ">" in data:
            self._fail("< or > outside a tag (write &lt; and &gt;)")


def problem(text: str) -> str | None:
    """What Telegram would refuse in ``text`` as HTML, or None if it is fine."""
    if _ENTITY.search(text):
        return "& (write &amp;)"
    checker = _Checker()
    checker.feed(text)
    checker.close()
    if checker.problem:
        return checker.problem
    if checker.open:
        return f"<{checker.open[-1]}> is never closed"
    return None

"""What Telegram accepts in a message: HTML (parse_mode="HTML" is the only one parsed),
length limits, and inline keyboards of callback_data and url buttons."""

from __future__ import annotations

import html
import re

from tests.fake_telegram.wire import JSON, bad

Buttons = list[list[tuple[str, str]]]  # rows of (label, callback_data | "url:<url>")
TEXT_LIMIT, CAPTION_LIMIT = 4096, 1024
_HTML_TAGS = frozenset({
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a",
    "code", "pre", "blockquote", "tg-emoji", "tg-time",
})
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(\s[^<>]*)?>")
_ENTITY_RE = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


def html_to_plain(text: str) -> str:
    """Strip Telegram-HTML markup like the API does, raising ApiError on malformed markup."""
    out: list[str] = []
    stack: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "<":
            at = len(text[:i].encode())
            match = _TAG_RE.match(text, i)
            name = match.group(2).lower() if match else re.match(r"</?([^\s<>/]*)", text[i:])[1]  # type: ignore[index]
            if not name:
                raise bad(
                    f"can't parse entities: Unexpected end of name token at byte offset {at}"
                )
            if match is None or name not in _HTML_TAGS:
                raise bad(
                    f'can\'t parse entities: Unsupported start tag "{name}" at byte offset {at}'
                )
            if match.group(1):
                if not stack or stack[-1] != name:
                    expected = f'"</{stack[-1]}>"' if stack else "no end tag"
                    raise bad(
                        f"can't parse entities: Unmatched end tag at byte offset {at}, "
                        f'expected {expected}, found "</{name}>"'
                    )
                stack.pop()
            else:
                stack.append(name)
            i = match.end()
            continue
        entity = _ENTITY_RE.match(text, i) if char == "&" else None
        out.append(html.unescape(entity.group(0)) if entity else char)
        i = entity.end() if entity else i + 1
    if stack:
        raise bad(
            f"can't parse entities: Can't find end tag corresponding to start tag \"{stack[-1]}\""
        )
    return "".join(out)


def plain(text: str, parse_mode: str | None) -> str:
    """Text as the user sees it."""
    return html_to_plain(text) if (parse_mode or "").upper() == "HTML" else text


def check_text(text: str, parse_mode: str | None) -> None:
    visible = plain(text, parse_mode)
    if not visible.strip():
        raise bad("message text is empty")
    if len(visible) > TEXT_LIMIT:
        raise bad("message is too long")


def check_caption(caption: str, parse_mode: str | None) -> None:
    if len(plain(caption, parse_mode)) > CAPTION_LIMIT:
        raise bad("message caption is too long")


def inline_keyboard(params: JSON) -> JSON | None:
    """The call's reply_markup, checked like the API; an empty keyboard means none."""
    markup = params.get("reply_markup")
    if markup is None or markup == "":
        return None
    rows = markup.get("inline_keyboard") if isinstance(markup, dict) else None
    if not isinstance(rows, list):
        raise bad("can't parse reply keyboard markup JSON object")
    for button in (b for row in rows for b in row):
        if "callback_data" in button:
            data = button["callback_data"]
            if not isinstance(data, str) or not data or len(data.encode()) > 64:
                raise bad("BUTTON_DATA_INVALID")
        elif "url" not in button:
            raise bad(
                "can't parse inline keyboard button: "
                "Text buttons are unallowed in the inline keyboard"
            )
    return markup if any(rows) else None


def buttons(markup: JSON | None) -> Buttons:
    rows: list[list[JSON]] = (markup or {}).get("inline_keyboard") or []
    return [[_button(button) for button in row] for row in rows]


def _button(button: JSON) -> tuple[str, str]:
    label = str(button.get("text", ""))
    return label, button["callback_data"] if "callback_data" in button else f"url:{button['url']}"

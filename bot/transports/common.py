"""What every Telegram adapter shares: the command list, and how one is chosen and run."""

from __future__ import annotations

from typing import Any, Protocol

from bot.core import Inbound, Kind, screen_digest
from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES, Translator

# The public command list, in the order Telegram shows it. Admin commands stay out of it.
PUBLIC_COMMANDS = ("start", "menu", "continue", "tracks", "progress", "offline",
                   "assessment", "plan", "sessions", "library", "glossary", "mentor", "story",
                   "incident", "mydata", "help", "language", "consent")
# The update types the adapters handle, and ask Telegram for. It may still send others (for a
# while after allowed_updates changed, or kinds newer than the code): the intake skips them.
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]
# Telegram's media fields, in the order we name them when a message carries no text.
MEDIA_KINDS = ("sticker", "photo", "voice", "video_note", "video", "animation", "audio",
               "document", "location", "venue", "contact", "poll", "dice")


def command_lists(translator: Translator) -> dict[str | None, list[tuple[str, str]]]:
    """``language_code`` → [(command, description)]; None is the default (English) list."""
    lists: dict[str | None, list[tuple[str, str]]] = {}
    for lang in (None, *LANGUAGES):
        lists[lang] = [(cmd, translator.format(lang or DEFAULT_LANGUAGE, f"cmd-{cmd}"))
                       for cmd in PUBLIC_COMMANDS]
    return lists


def media_kind(message: object) -> str:
    return next((kind for kind in MEDIA_KINDS if getattr(message, kind, None)), "other")


# -- turning a framework's message into an Inbound ------------------------------------------
# aiogram's and python-telegram-bot's types share these attribute names, so one conversion
# serves both adapters.
class _User(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def language_code(self) -> str | None: ...


class _Chat(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def type(self) -> str: ...


class _Message(Protocol):
    @property
    def message_id(self) -> int: ...
    @property
    def chat(self) -> _Chat: ...
    @property
    def from_user(self) -> _User | None: ...
    @property
    def text(self) -> str | None: ...


class _Query(Protocol):
    @property
    def from_user(self) -> _User: ...
    @property
    def data(self) -> str | None: ...
    @property
    def message(self) -> Any: ...  # a message, or an inaccessible one: both have id and chat


def message_inbound(update_id: int, message: _Message, *, edited: bool = False
                    ) -> Inbound | None:
    """None for what is not a conversation with one person (groups, channels)."""
    user = message.from_user
    if user is None or message.chat.type != "private":
        return None
    if edited:  # we never act on the new text of an edited message
        return Inbound(update_id, user.id, message.chat.id, Kind.EDITED,
                       language_code=user.language_code)
    if message.text is not None:
        return Inbound.from_text(update_id, user.id, message.chat.id, message.text,
                                 user.language_code)
    return Inbound(update_id, user.id, message.chat.id, Kind.OTHER, media=media_kind(message),
                   language_code=user.language_code)


def callback_inbound(update_id: int, query: _Query) -> Inbound:
    message = query.message
    chat_id = message.chat.id if message is not None else query.from_user.id
    return Inbound(update_id, query.from_user.id, chat_id, Kind.BUTTON, data=query.data or "",
                   message_id=message.message_id if message is not None else None,
                   language_code=query.from_user.language_code, shown=_shown(message))


def _shown(message: Any) -> str:
    """What the pressed message shows now; "" when Telegram did not send it (too old)."""
    text = getattr(message, "text", None) if message is not None else None
    if text is None:
        return ""
    markup = getattr(message, "reply_markup", None)
    rows = getattr(markup, "inline_keyboard", None) or ()
    return screen_digest(text, [[(b.text, b.callback_data or b.url or "") for b in row]
                                for row in rows])

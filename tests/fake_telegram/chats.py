"""What the chats hold (users, their messages and the bot's, open callback queries, the bot's
commands), the Bot API methods that change it, and the updates users' actions make."""

from __future__ import annotations

import asyncio
import itertools
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from tests.fake_telegram import markup
from tests.fake_telegram.markup import Buttons
from tests.fake_telegram.wire import JSON, ApiError, bad

BOT_ID = 777000
BOT_USER: JSON = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "Exchange Test",
    "username": "exchange_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
    "can_connect_to_business": False,
    "has_main_web_app": False,
}
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
BLOCKED = "Forbidden: bot was blocked by the user"
_COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")


def now() -> int:
    """A message date: unix seconds."""
    return int(time.time())


@dataclass
class BotMessage:
    """A message sent by the bot, as currently stored (edits update it in place)."""

    message_id: int
    text: str | None
    buttons: Buttons
    document: tuple[str, bytes] | None = None  # (file name, content)
    caption: str | None = None
    edits: int = 0
    chat_id: int = 0
    date: int = 0
    edit_date: int | None = None
    parse_mode: str | None = None
    reply_markup: JSON | None = None
    document_info: JSON | None = field(default=None, repr=False)  # as sent back to the bot

    @property
    def plain_text(self) -> str | None:
        """Text as the user sees it (HTML tags stripped when parse_mode is HTML)."""
        return markup.plain(self.text, self.parse_mode) if self.text is not None else None

    def as_json(self, chat: Chat) -> JSON:
        """The message as the Bot API shows it to the bot."""
        body: JSON = {
            "message_id": self.message_id,
            "from": {k: BOT_USER[k] for k in ("id", "is_bot", "first_name", "username")},
            "chat": chat.as_json(),
            "date": self.date,
        }
        if self.edit_date is not None:
            body["edit_date"] = self.edit_date
        if self.text is not None:
            body["text"] = self.plain_text
        if self.document_info is not None:
            body["document"] = self.document_info
        if self.caption:
            body["caption"] = markup.plain(self.caption, self.parse_mode)
        if self.reply_markup:
            body["reply_markup"] = self.reply_markup
        return body


@dataclass
class Chat:
    """A private chat with one user; user and bot messages share one message_id counter."""

    user_id: int
    first_name: str = "Tester"
    language_code: str = "en"
    blocked: bool = False
    next_id: int = 1
    user_messages: dict[int, JSON] = field(default_factory=dict)
    bot_messages: dict[int, BotMessage] = field(default_factory=dict)

    def alloc(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def as_json(self) -> JSON:
        return {"id": self.user_id, "type": "private", "first_name": self.first_name}

    def user_json(self) -> JSON:
        return {"id": self.user_id, "is_bot": False, "first_name": self.first_name,
                "language_code": self.language_code}


class Chats:
    """Every chat, by user id, and what the bot did in them."""

    def __init__(self) -> None:
        self.chats: dict[int, Chat] = {}
        # Per chat, every ("send" | "edit", snapshot), and an event set at each new one.
        self.events: defaultdict[int, list[tuple[str, BotMessage]]] = defaultdict(list)
        self.changed: defaultdict[int, asyncio.Event] = defaultdict(asyncio.Event)
        self.answers: dict[str, JSON] = {}  # callback query id -> answerCallbackQuery params
        self.commands: dict[str, list[JSON]] = {}  # language_code ("" for all) -> commands
        self._open_queries: set[str] = set()
        self._query_ids = itertools.count(4_000_000_000_001)
        self._file_ids = itertools.count(1)

    def touch(self, user_id: int, language_code: str | None = None,
              first_name: str | None = None) -> Chat:
        """The user's chat, made known if it was not; ``language_code`` and ``first_name``
        default to the user's previous ones ("en" and "Tester" at first)."""
        chat = self.chats.setdefault(user_id, Chat(user_id))
        chat.language_code = language_code or chat.language_code
        chat.first_name = first_name or chat.first_name
        return chat

    def file(self, size: int) -> JSON:
        """The ids and size of a new file (its content is not kept: no one downloads it)."""
        file_id = f"BQACAgIAAxkBAAI{next(self._file_ids):08d}"
        return {"file_id": file_id, "file_unique_id": f"AgAD{file_id[-8:]}", "file_size": size}

    def _chat_for(self, params: JSON) -> Chat:
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise bad("chat_id is empty")
        chat = self.chats.get(chat_id) if isinstance(chat_id, int) else None
        if chat is None:
            raise bad("chat not found")
        if chat.blocked:
            raise ApiError(403, BLOCKED)
        return chat

    def _record(self, kind: str, chat: Chat, message: BotMessage) -> JSON:
        chat.bot_messages[message.message_id] = message
        self.events[chat.user_id].append((kind, replace(message)))
        self.changed.pop(chat.user_id, asyncio.Event()).set()
        return message.as_json(chat)

    # -- Bot API methods -------------------------------------------------------------------
    async def set_my_commands(self, params: JSON) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise bad('parameter "commands" is required')
        if not all(_COMMAND_RE.fullmatch(str(c.get("command", ""))) for c in commands):
            raise bad("BOT_COMMAND_INVALID")
        self.commands[str(params.get("language_code") or "")] = [
            {"command": c["command"], "description": c.get("description", "")} for c in commands
        ]
        return True

    async def send_message(self, params: JSON) -> JSON:
        chat = self._chat_for(params)
        text, parse_mode = str(params.get("text") or ""), params.get("parse_mode")
        markup.check_text(text, parse_mode)
        keyboard = markup.inline_keyboard(params)
        message = BotMessage(chat.alloc(), text, markup.buttons(keyboard), chat_id=chat.user_id,
                             date=now(), parse_mode=parse_mode, reply_markup=keyboard)
        return self._record("send", chat, message)

    async def edit_message_text(self, params: JSON) -> JSON:
        chat = self._chat_for(params)
        message_id = params.get("message_id")
        message = chat.bot_messages.get(message_id) if isinstance(message_id, int) else None
        if message is None:
            if message_id in chat.user_messages:
                raise bad("message can't be edited")
            raise bad("message to edit not found")
        text, parse_mode = str(params.get("text") or ""), params.get("parse_mode")
        markup.check_text(text, parse_mode)
        keyboard = markup.inline_keyboard(params)  # none given removes it, as in Telegram
        if message.text is None:
            raise bad("there is no text in the message to edit")
        if text == message.text and keyboard == message.reply_markup:
            raise ApiError(400, NOT_MODIFIED)
        message.text, message.parse_mode = text, parse_mode
        message.reply_markup, message.buttons = keyboard, markup.buttons(keyboard)
        message.edits, message.edit_date = message.edits + 1, now()
        return self._record("edit", chat, message)

    async def send_document(self, params: JSON) -> JSON:
        chat = self._chat_for(params)
        document = params.get("document")
        if isinstance(document, str) and document.startswith("attach://"):
            document = params.get(document.removeprefix("attach://"))  # aiogram's upload
        if not isinstance(document, tuple):
            raise bad("there is no document in the request")
        name, data, mime = document
        if not data:
            raise bad("file must be non-empty")
        caption, parse_mode = str(params.get("caption") or "") or None, params.get("parse_mode")
        if caption:
            markup.check_caption(caption, parse_mode)
        keyboard = markup.inline_keyboard(params)
        info = {"file_name": name, "mime_type": mime or "application/octet-stream",
                **self.file(len(data))}
        message = BotMessage(chat.alloc(), None, markup.buttons(keyboard), (name, data), caption,
                             chat_id=chat.user_id, date=now(), parse_mode=parse_mode,
                             reply_markup=keyboard, document_info=info)
        return self._record("send", chat, message)

    async def answer_callback_query(self, params: JSON) -> bool:
        query_id = str(params.get("callback_query_id") or "")
        if query_id not in self._open_queries:
            raise ApiError(400, QUERY_TOO_OLD)
        self._open_queries.discard(query_id)
        self.answers[query_id] = params
        return True

    # -- what users do, as the update bodies Telegram sends the bot --------------------------
    def message(self, user_id: int, language_code: str | None = None, **content: Any) -> JSON:
        chat = self.touch(user_id, language_code)
        message: JSON = {"message_id": chat.alloc(), "from": chat.user_json(),
                         "chat": chat.as_json(), "date": now(), **content}
        chat.user_messages[message["message_id"]] = message
        return message

    @staticmethod
    def text_content(text: str) -> JSON:
        """A text message's fields: "/cmd ..." gets a bot_command entity."""
        content: JSON = {"text": text}
        if text.startswith("/"):
            token = text.split(maxsplit=1)[0]
            length = len(token.encode("utf-16-le")) // 2
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        return content

    def edited(self, user_id: int, message_id: int, new_text: str) -> JSON:
        chat = self.touch(user_id)
        original = chat.user_messages.get(message_id)
        if original is None or "text" not in original:
            raise AssertionError(f"chat {user_id} has no user text message {message_id}")
        original.pop("entities", None)
        original.update(self.text_content(new_text), edit_date=now())
        return dict(original)

    def callback_query(self, user_id: int, message_id: int, data: str,
                       language_code: str | None = None) -> JSON:
        chat = self.touch(user_id, language_code)
        message = chat.bot_messages.get(message_id)
        if message is None:
            raise AssertionError(f"chat {user_id} has no bot message {message_id}")
        query_id = str(next(self._query_ids))
        self._open_queries.add(query_id)
        return {"id": query_id, "from": chat.user_json(), "message": message.as_json(chat),
                "chat_instance": str(-(user_id * 2654435761 % 10**18)), "data": data}

    def block(self, user_id: int) -> JSON:
        """Block the bot: its calls to the chat get 403 from now on; the my_chat_member body."""
        chat = self.touch(user_id)
        chat.blocked = True
        return {"chat": chat.as_json(), "from": chat.user_json(), "date": now(),
                "old_chat_member": {"user": BOT_USER, "status": "member"},
                "new_chat_member": {"user": BOT_USER, "status": "kicked", "until_date": 0}}

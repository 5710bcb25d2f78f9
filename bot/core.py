"""The transport-neutral model every adapter speaks: what came in, and what to send back.

An adapter turns a framework update into one immutable :class:`Inbound`, hands it to the app,
and renders the :class:`Outcome` it gets back. Handlers see only these types.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

# Telegram's own limits, enforced by the Bot API with a 400.
MAX_TEXT = 4096
MAX_BUTTON_DATA = 64
MAX_CAPTION = 1024


class Kind(StrEnum):
    TEXT = "text"
    COMMAND = "command"
    BUTTON = "button"
    EDITED = "edited"  # an edited message: we never act on the new text
    OTHER = "other"  # sticker, photo, voice, document, location …


@dataclass(frozen=True, slots=True)
class Inbound:
    """One thing a person did, in transport-neutral terms."""

    update_id: int
    user_id: int
    chat_id: int
    kind: Kind
    text: str = ""
    command: str = ""  # lower-case, without "/" and "@botname"
    args: str = ""
    data: str = ""  # button data as pressed (untrusted)
    message_id: int | None = None  # the message a pressed button sits on
    language_code: str | None = None
    media: str = ""  # for OTHER: "sticker", "photo", …
    # For a button: what its message shows now (:func:`screen_digest`), when the network
    # tells us, so an edit to the very same text and buttons is not sent at all.
    shown: str = ""

    @classmethod
    def from_text(cls, update_id: int, user_id: int, chat_id: int, text: str,
                  language_code: str | None = None) -> Inbound:
        """Split ``/cmd@bot args`` into command and args; anything else is plain text."""
        if text.startswith("/") and len(text) > 1 and not text[1].isspace():
            head, _, args = text.partition(" ")
            command = head[1:].split("@", 1)[0].lower()
            return cls(update_id, user_id, chat_id, Kind.COMMAND, text=text, command=command,
                       args=args.strip(), language_code=language_code)
        return cls(update_id, user_id, chat_id, Kind.TEXT, text=text,
                   language_code=language_code)


@dataclass(frozen=True, slots=True)
class Button:
    label: str
    data: str = ""
    url: str = ""  # a link button instead of a callback


Rows = tuple[tuple[Button, ...], ...]  # a message's buttons, row by row


@dataclass(frozen=True, slots=True)
class Document:
    filename: str
    content: bytes
    caption: str = ""


@dataclass(frozen=True, slots=True)
class Reply:
    """A message to the person who sent the inbound.

    ``edit`` asks to replace the message the pressed button sits on (saves a message on slow
    links); adapters fall back to sending a new one when that message cannot be edited.
    """

    text: str
    buttons: Rows = ()
    edit: bool = False
    document: Document | None = None
    html: bool = False  # Telegram HTML formatting; otherwise the text is shown as typed


_TAG = re.compile(r"<[^>]*>")


def screen_digest(text: str, buttons: Sequence[Sequence[tuple[str, str]]]) -> str:
    """A short fingerprint of a message as a person sees it: its plain text and its buttons'
    (label, data or link). Telegram refuses an edit that changes neither."""
    seen = json.dumps([text.strip(), [[list(b) for b in row] for row in buttons]],
                      ensure_ascii=False)
    return hashlib.sha256(seen.encode()).hexdigest()[:16]


def reply_digest(reply: Reply) -> str:
    """The :func:`screen_digest` a message would have once ``reply`` is shown."""
    text = html.unescape(_TAG.sub("", reply.text)) if reply.html else reply.text
    return screen_digest(text, [[(b.label, b.data or b.url) for b in row]
                                for row in reply.buttons])


def in_place(replies: Iterable[Reply], *, edit: bool = True) -> tuple[Reply, ...]:
    """The answer to a pressed button: the first reply replaces the pressed message (one
    message fewer on a slow link), the rest come after it. ``edit=False`` sends all anew."""
    return tuple(replace(r, edit=edit and i == 0) for i, r in enumerate(replies))


@dataclass(frozen=True, slots=True)
class Outcome:
    """Everything to do in answer to one inbound: replies in order, and the button toast."""

    replies: tuple[Reply, ...] = ()
    toast: str = ""  # answer to a callback query; adapters always answer one


# -- stored form: an outcome waiting to be delivered survives a restart ---------------------
def encode_delivery(inbound: Inbound, outcome: Outcome) -> str:
    """JSON for what is still to be sent in answer to ``inbound`` (nothing the person typed)."""
    return json.dumps({
        "to": [inbound.update_id, inbound.user_id, inbound.chat_id, inbound.message_id],
        "toast": outcome.toast,
        "replies": [{
            "text": r.text, "edit": r.edit, "html": r.html,
            "buttons": [[[b.label, b.data, b.url] for b in row] for row in r.buttons],
            "document": None if r.document is None else [
                r.document.filename, base64.b64encode(r.document.content).decode(),
                r.document.caption],
        } for r in outcome.replies],
    }, ensure_ascii=False, separators=(",", ":"))


def decode_delivery(stored: str) -> tuple[Inbound, Outcome]:
    data = json.loads(stored)
    update_id, user_id, chat_id, message_id = data["to"]
    inbound = Inbound(update_id, user_id, chat_id, Kind.BUTTON if message_id else Kind.TEXT,
                      message_id=message_id)
    replies = tuple(
        Reply(r["text"],
              tuple(tuple(Button(*b) for b in row) for row in r["buttons"]),
              edit=r["edit"], html=r.get("html", False),
              document=None if r["document"] is None else Document(
                  r["document"][0], base64.b64decode(r["document"][1]), r["document"][2]))
        for r in data["replies"])
    return inbound, Outcome(replies, toast=data["toast"])

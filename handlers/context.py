"""What a handler gets: the inbound, an open session, the participant, and translation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock
from bot.content import ContentPack
from bot.core import Inbound, Reply
from bot.i18n import Translate, Translator
from bot.local_time import resolve
from storage import outbox
from storage.models import Participant

if TYPE_CHECKING:
    from handlers.router import Router


@dataclass
class Deps:
    """Long-lived things handlers need, built once by the composition root."""

    translator: Translator
    clock: Clock
    router: Router
    content: ContentPack
    admin_ids: frozenset[int] = frozenset()
    bot_username: str | None = None  # learnt from getMe by a Telegram adapter
    pseudonym_key: bytes | None = None  # keys the HMAC of Telegram ids in exports


@dataclass
class Ctx:
    inbound: Inbound
    session: AsyncSession
    deps: Deps
    participant: Participant | None
    lang: str
    t: Translate = field(init=False)
    queued: bool = False  # something went into the outbox: wake the dispatcher after commit

    def __post_init__(self) -> None:
        self.t = self.deps.translator.for_language(self.lang)

    def use_language(self, lang: str) -> None:
        self.lang = lang
        self.t = self.deps.translator.for_language(lang)

    def now(self) -> datetime:
        return self.deps.clock.now()

    async def current_prompt(self) -> Sequence[Reply]:
        """The message that brings this person back to where they stand."""
        return await self.deps.router.current_prompt(self)

    @property
    def me(self) -> Participant:
        """The participant, for handlers the router only calls for registered people."""
        if self.participant is None:
            raise LookupError("handler needs a registered participant")
        return self.participant

    @property
    def zone_name(self) -> str:
        """The person's time zone as stored ("Africa/Nairobi", "UTC+03:00"); UTC until
        they choose one, or for someone who never joined."""
        return (self.participant.timezone if self.participant else None) or "UTC"

    @property
    def zone(self) -> tzinfo:
        """The person's zone, for showing them a moment in their own time."""
        return resolve(self.zone_name)

    @property
    def is_admin(self) -> bool:
        return self.inbound.user_id in self.deps.admin_ids

    async def enqueue(self, messages: Sequence[outbox.NewMessage]) -> int:
        """Queue messages for the dispatcher, in this handler's transaction."""
        added = await outbox.enqueue(self.session, messages, self.now())
        self.queued = self.queued or added > 0
        return added

    def go(self, step: str) -> None:
        if self.me.step != step:  # no write at all when someone stays where they are
            self.me.step = step
            self.me.updated_at = self.now()


class StaleButton(Exception):  # noqa: N818 - a signal, not an error
    """The pressed button belongs to a step the person has already left."""


class ForgedButton(Exception):  # noqa: N818
    """The button data names nothing we ever sent."""

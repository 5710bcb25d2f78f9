"""Routes an inbound to its handler: by command, by button key, or by the participant's step.

Each feature module owns a :class:`Router`; ``handlers.build_router`` collects them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field

from bot.core import Kind, Outcome, Reply
from handlers import buttons
from handlers.context import Ctx, ForgedButton, StaleButton

Handler = Callable[[Ctx], Awaitable[Outcome]]
ButtonHandler = Callable[[Ctx, list[str]], Awaitable[Outcome]]
Prompt = Callable[[Ctx], Awaitable[Sequence[Reply]]]

# Longest free text a step reads; anything longer is refused unread (a city name or "22-07"
# never needs more, and we never keep or echo what we refuse).
MAX_STEP_TEXT = 200


@dataclass
class Route:
    handler: Handler
    public: bool = False  # reachable by someone who has not joined yet


@dataclass
class ButtonRoute:
    handler: ButtonHandler
    public: bool = False


@dataclass
class Router:
    commands: dict[str, Route] = field(default_factory=dict)
    buttons: dict[str, ButtonRoute] = field(default_factory=dict)
    text_steps: dict[str, tuple[Handler, int]] = field(default_factory=dict)
    prompts: dict[str, Prompt] = field(default_factory=dict)
    fallbacks: dict[str, Handler] = field(default_factory=dict)

    # -- registration --------------------------------------------------------------------
    def command(self, *names: str, public: bool = False) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            for name in names:
                self.commands[name] = Route(handler, public)
            return handler

        return register

    def button(self, key: str, public: bool = False) -> Callable[[ButtonHandler], ButtonHandler]:
        def register(handler: ButtonHandler) -> ButtonHandler:
            self.buttons[key] = ButtonRoute(handler, public)
            return handler

        return register

    def text(self, step: str, max_length: int = MAX_STEP_TEXT) -> Callable[[Handler], Handler]:
        """Free text typed while the participant is at ``step``; anything longer than
        ``max_length`` is refused unread."""

        def register(handler: Handler) -> Handler:
            self.text_steps[step] = (handler, max_length)
            return handler

        return register

    def prompt(self, *steps: str) -> Callable[[Prompt], Prompt]:
        """What to show to bring someone back to ``step`` (resume, after bad input …)."""

        def register(prompt: Prompt) -> Prompt:
            for step in steps:
                self.prompts[step] = prompt
            return prompt

        return register

    def fallback(self, name: str) -> Callable[[Handler], Handler]:
        """Named answers the router needs: not_joined, unknown_command, unknown_text,
        text_too_long, media, edited, stale, forged, double_tap."""

        def register(handler: Handler) -> Handler:
            self.fallbacks[name] = handler
            return handler

        return register

    def include(self, other: Router) -> None:
        for name, table in (("commands", self.commands), ("buttons", self.buttons),
                            ("text_steps", self.text_steps), ("prompts", self.prompts),
                            ("fallbacks", self.fallbacks)):
            theirs: dict[str, object] = getattr(other, name)
            clash = table.keys() & theirs.keys()
            if clash:
                raise ValueError(f"{name} registered twice: {sorted(clash)}")
            table.update(theirs)  # type: ignore[arg-type]

    # -- dispatch ------------------------------------------------------------------------
    async def dispatch(self, ctx: Ctx) -> Outcome:
        inbound = ctx.inbound
        if inbound.kind is Kind.COMMAND:
            route = self.commands.get(inbound.command)
            if route is None:
                return await self.fallbacks["unknown_command"](ctx)
            if ctx.participant is None and not route.public:
                return await self.fallbacks["not_joined"](ctx)
            return await route.handler(ctx)
        if inbound.kind is Kind.BUTTON:
            return await self._press(ctx)
        if inbound.kind is Kind.TEXT:
            if ctx.participant is None:
                return await self.fallbacks["not_joined"](ctx)
            step_handler = self.text_steps.get(ctx.participant.step)
            if step_handler is None:
                return await self.fallbacks["unknown_text"](ctx)
            handler, max_length = step_handler
            if len(inbound.text) > max_length:
                return await self.fallbacks["text_too_long"](ctx)
            return await handler(ctx)
        if inbound.kind is Kind.EDITED:
            return await self.fallbacks["edited"](ctx)
        return await self.fallbacks["media"](ctx)

    async def _press(self, ctx: Ctx) -> Outcome:
        inbound = ctx.inbound
        parsed = buttons.parse(inbound.data)
        route = self.buttons.get(parsed[0]) if parsed else None
        if parsed is None or route is None:
            return await self.fallbacks["forged"](ctx)
        participant = ctx.participant
        if participant is None and not route.public:
            return await self.fallbacks["not_joined"](ctx)
        # Kept as a digest: the data is ours, but a modified client can put words in it.
        press = hashlib.blake2b(f"{inbound.message_id}:{inbound.data}".encode(),
                                digest_size=16).hexdigest()
        if participant is not None and participant.last_press == press:
            return await self.fallbacks["double_tap"](ctx)
        try:
            outcome = await route.handler(ctx, parsed[1])
        except StaleButton:
            return await self.fallbacks["stale"](ctx)
        except ForgedButton:
            return await self.fallbacks["forged"](ctx)
        if ctx.participant is not None:
            ctx.participant.last_press = press
        return outcome

    async def current_prompt(self, ctx: Ctx) -> Sequence[Reply]:
        """The message that brings this person back to where they stand."""
        step = ctx.participant.step if ctx.participant else "not_joined"
        prompt = self.prompts.get(step) or self.prompts["menu"]
        return await prompt(ctx)

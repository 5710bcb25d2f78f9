"""Routes an inbound to its handler: by command, by button key, or by the participant's step.

Each feature module owns a :class:`Router`; ``handlers.build_router`` collects them. A route
says what it needs (the vocabulary is :mod:`handlers.guards`, the roles are
:mod:`handlers.roles`) and the router checks it before the handler runs::

    @router.command("audit", role=COORDINATORS)  # refused (and audited) for anyone else
    async def audit_command(ctx: Ctx) -> Outcome: ...

    @router.button("cis", step=COMMIT_STEP, args=(int, Choice(*STATUSES)))
    async def commitment_status(ctx: Ctx, commitment_id: int, status: str) -> Outcome: ...

For a button, in this order: data that does not parse is forged, a role the person lacks is
refused (the refusal audits the button's first argument as its target), and a press from a
step the person has left is stale; each gets the answer it always had (``forged``,
``handlers.roles.refuse``, ``stale``). A route with a role is open to people who never joined:
a coordinator from ``ADMIN_IDS`` may have no row; the role decides. Every button declares its
arguments; ``args=()`` takes none.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar, overload

from bot.core import Kind, Outcome, Reply
from handlers import buttons, roles
from handlers.context import Ctx, ForgedButton, StaleButton
from handlers.guards import Arg, Role, Spec, Steps, StepTest, arg_of, parse_args, step_test

Handler = Callable[[Ctx], Awaitable[Outcome]]
Prompt = Callable[[Ctx], Awaitable[Sequence[Reply]]]
# What a typed button's handler is called with; its own signature is checked where it is
# registered (the overloads of Router.button), so the table keeps it loosely.
AnyHandler = Callable[..., Awaitable[Outcome]]

A = TypeVar("A")
B = TypeVar("B")
C = TypeVar("C")
D = TypeVar("D")

# Longest free text a step reads; anything longer is refused unread (a city name or "22-07"
# never needs more, and we never keep or echo what we refuse).
MAX_STEP_TEXT = 200


@dataclass
class Route:
    handler: Handler
    public: bool = False  # reachable by someone who has not joined yet
    role: Role | None = None
    action: str = ""  # what a refusal is audited as
    step: StepTest | None = None  # where the person must stand, else "not yet"


@dataclass
class ButtonRoute:
    handler: AnyHandler
    public: bool = False
    role: Role | None = None
    action: str = ""
    step: StepTest | None = None
    args: tuple[Arg[object], ...] = ()


@dataclass
class Router:
    commands: dict[str, Route] = field(default_factory=dict)
    buttons: dict[str, ButtonRoute] = field(default_factory=dict)
    text_steps: dict[str, tuple[Handler, int]] = field(default_factory=dict)
    prompts: dict[str, Prompt] = field(default_factory=dict)
    fallbacks: dict[str, Handler] = field(default_factory=dict)

    # -- registration --------------------------------------------------------------------
    def command(self, *names: str, public: bool = False, role: Role | None = None,
                step: Steps | None = None) -> Callable[[Handler], Handler]:
        """``role``: who may use it (refusals are audited under the command's name);
        ``step``: where the person must stand (``onboarded``: after joining), else the
        ``not_yet`` answer."""
        test = None if step is None else step_test(step)

        def register(handler: Handler) -> Handler:
            for name in names:
                self.commands[name] = Route(handler, public or role is not None, role, name,
                                            test)
            return handler

        return register

    @overload
    def button(self, key: str, *, args: tuple[()], public: bool = ...,
               role: Role | None = ..., action: str = ..., step: Steps | None = ...
               ) -> Callable[[Handler], Handler]: ...

    @overload
    def button(self, key: str, *, args: tuple[Spec[A]], public: bool = ...,
               role: Role | None = ..., action: str = ..., step: Steps | None = ...
               ) -> Callable[[Callable[[Ctx, A], Awaitable[Outcome]]],
                             Callable[[Ctx, A], Awaitable[Outcome]]]: ...

    @overload
    def button(self, key: str, *, args: tuple[Spec[A], Spec[B]], public: bool = ...,
               role: Role | None = ..., action: str = ..., step: Steps | None = ...
               ) -> Callable[[Callable[[Ctx, A, B], Awaitable[Outcome]]],
                             Callable[[Ctx, A, B], Awaitable[Outcome]]]: ...

    @overload
    def button(self, key: str, *, args: tuple[Spec[A], Spec[B], Spec[C]], public: bool = ...,
               role: Role | None = ..., action: str = ..., step: Steps | None = ...
               ) -> Callable[[Callable[[Ctx, A, B, C], Awaitable[Outcome]]],
                             Callable[[Ctx, A, B, C], Awaitable[Outcome]]]: ...

    @overload
    def button(self, key: str, *, args: tuple[Spec[A], Spec[B], Spec[C], Spec[D]],
               public: bool = ..., role: Role | None = ..., action: str = ...,
               step: Steps | None = ...
               ) -> Callable[[Callable[[Ctx, A, B, C, D], Awaitable[Outcome]]],
                             Callable[[Ctx, A, B, C, D], Awaitable[Outcome]]]: ...

    def button(self, key: str, *, args: tuple[Spec[object], ...],
               public: bool = False, role: Role | None = None, action: str = "",
               step: Steps | None = None) -> Callable[[AnyHandler], AnyHandler]:
        """A button ``key``: its arguments (``args``; see :mod:`handlers.guards`), who may
        press it (``role``, audited as ``action``, the key by default) and where the person
        must stand for it to be current (``step``: a step, several, or a test)."""
        route_args = tuple(arg_of(spec) for spec in args)

        def register(handler: AnyHandler) -> AnyHandler:
            self.buttons[key] = ButtonRoute(
                handler, public or role is not None, role, action or key,
                None if step is None else step_test(step), route_args)
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
        """Named answers the router needs: not_joined, not_yet, unknown_command,
        unknown_text, text_too_long, media, edited, stale, forged, double_tap."""

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
            if route.role is not None and not route.role.allows(ctx):
                return await roles.refuse(ctx, route.action, route.role.refusal)
            if ctx.participant is None and not route.public:
                return await self.fallbacks["not_joined"](ctx)
            if route.step is not None and (ctx.participant is None
                                           or not route.step(ctx.participant)):
                return await self.fallbacks["not_yet"](ctx)
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
            outcome = await self._guarded(ctx, route, parsed[1])
        except StaleButton:
            return await self.fallbacks["stale"](ctx)
        except ForgedButton:
            return await self.fallbacks["forged"](ctx)
        if ctx.participant is not None:
            ctx.participant.last_press = press
        return outcome

    @staticmethod
    async def _guarded(ctx: Ctx, route: ButtonRoute, raw: list[str]) -> Outcome:
        """The route's guards, in order (forged, refused, stale), then its handler."""
        values = parse_args(route.args, raw)
        if route.role is not None and not route.role.allows(ctx):
            return await roles.refuse(ctx, route.action, route.role.refusal,
                                      raw[0] if raw else "")
        if route.step is not None and (ctx.participant is None
                                       or not route.step(ctx.participant)):
            raise StaleButton
        return await route.handler(ctx, *values)

    async def current_prompt(self, ctx: Ctx) -> Sequence[Reply]:
        """The message that brings this person back to where they stand."""
        step = ctx.participant.step if ctx.participant else "not_joined"
        prompt = self.prompts.get(step) or self.prompts["menu"]
        return await prompt(ctx)

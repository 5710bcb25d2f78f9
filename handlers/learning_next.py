"""What comes next in learning: the track the needs assessment recommended, how far a person
is in each track, the module to suggest (when a module ends, and when nothing is open), and a
finished module's score.

Suggestions look first in the person's own track (the one they last opened), then in their
recommended track, then in every track in order: after the module just finished, then from
the start; a finished module is not suggested. Only when every module is finished is there
nothing to suggest."""

from __future__ import annotations

from dataclasses import dataclass

from bot.content import Module, ModuleText, Track
from bot.core import Button
from handlers import buttons
from handlers.context import Ctx
from storage import assessments, learning

MAX_BUTTON_LABEL = 64


@dataclass(frozen=True)
class Suggestion:
    track: Track
    module: Module


def label(text: str) -> str:
    """A button label cut to what a button shows (a module title may be longer)."""
    return text[:MAX_BUTTON_LABEL]


def track_title(ctx: Ctx, track: Track) -> str:
    return track.titles.get(ctx.lang) or track.titles["en"]


async def recommended_track(ctx: Ctx) -> str | None:
    """The track the person's latest needs assessment recommended, if they took one."""
    taken = await assessments.history(ctx.session, ctx.me.id)
    return taken[-1].recommended_track if taken else None


async def finished_modules(ctx: Ctx) -> set[str]:
    return {p.module_id for p in await learning.all_progress(ctx.session, ctx.me.id)
            if p.completed_at is not None}


def _tracks_in_order(ctx: Ctx, recommended: str | None) -> list[Track]:
    content = ctx.deps.content
    ids = dict.fromkeys(t for t in (ctx.me.track_id, recommended, *(t.id for t in content.tracks))
                        if t and content.track(t) is not None)
    return [track for t in ids if (track := content.track(t)) is not None]


async def suggest(ctx: Ctx, *, after: str | None = None) -> Suggestion | None:
    """The next module to offer; ``after`` is the module just finished."""
    done = await finished_modules(ctx) | ({after} if after else set())
    for track in _tracks_in_order(ctx, await recommended_track(ctx)):
        order = list(track.modules)
        if after in order:
            cut = order.index(after) + 1
            order = order[cut:] + order[:cut]
        found = next((m for m in order if m not in done), None)
        if found is not None:
            return Suggestion(track, ctx.deps.content.modules[found])
    return None


def suggestion_button(ctx: Ctx, suggestion: Suggestion) -> Button:
    text, _ = suggestion.module.text_for(ctx.lang)
    return buttons.button(label(ctx.t("learn-next-module", title=text.title)), "mod",
                          suggestion.module.id)


def home_track(ctx: Ctx, module_id: str) -> Track | None:
    """The track a module was most likely opened from: the person's own, or the first that
    has it."""
    own = ctx.deps.content.track(ctx.me.track_id or "")
    if own is not None and module_id in own.modules:
        return own
    return next((t for t in ctx.deps.content.tracks if module_id in t.modules), None)


async def score(ctx: Ctx, module_id: str, text: ModuleText) -> str:
    """"Right at the first try: 2/3" for a module with quizzes; "" for one without."""
    quizzes = [card.id for card in text.cards if card.kind == "quiz"]
    if not quizzes:
        return ""
    first = await learning.first_tries(ctx.session, ctx.me.id, module_id)
    right = sum(1 for card_id in quizzes if first.get(card_id))
    return ctx.t("learn-score", right=right, total=len(quizzes))

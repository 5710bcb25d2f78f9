"""The ``/stats`` chart, for coordinators who would rather look than read: one small PNG with
completion by track, check-in response by round and self-rated skills before and after.

``/stats`` offers it with its size shown first (``offer``); the PNG is drawn only when the
button is pressed, by matplotlib's Agg backend, imported then and not before: the bot starts
without it, and most ``/stats`` readers never ask. 600x400 pixels, a four-colour palette
(quantised, so the file stays a few tens of KB on a slow link).
"""

from __future__ import annotations

import io
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.core import Document, Outcome, Reply, Rows
from handlers import buttons
from handlers.assessment_questions import CORE_SKILLS
from handlers.context import Ctx, ForgedButton
from handlers.roles import COORDINATORS, record
from handlers.router import Router
from storage import exchanges, reports
from storage.models import Exchange

if TYPE_CHECKING:  # types only: matplotlib itself is imported when a chart is drawn
    from matplotlib.axes import Axes

router = Router()
WIDTH, HEIGHT, DPI = 6, 4, 100  # inches at 100 dpi: 600x400 pixels
INK, BEFORE, AFTER, GRID = "#1f3b5c", "#9db4cc", "#1f3b5c", "#dddddd"
LABEL_CHARS = 18
# The PNG's size, estimated from what is drawn: the fixed layout, then each bar with its
# label (a track's long title costs most). Measured on this renderer; tests/test_reports.py
# keeps the estimate within a quarter of the real size.
BASE_BYTES, TRACK_BYTES, ROUND_BYTES, SKILL_BYTES = 4_800, 350, 200, 240


@dataclass(frozen=True)
class ChartData:
    tracks: list[tuple[str, float]]  # track title, share completed (0-1) of those enrolled
    rounds: list[tuple[str, float]]  # "+7 d", share answered of those sent
    skills: list[tuple[str, float, float]]  # skill, mean first rating, mean latest (1-5)

    @property
    def bars(self) -> int:
        return len(self.tracks) + len(self.rounds) + 2 * len(self.skills)

    def estimated_bytes(self) -> int:
        return (BASE_BYTES + TRACK_BYTES * len(self.tracks) + ROUND_BYTES * len(self.rounds)
                + SKILL_BYTES * len(self.skills))


def skills_before_after(history: Mapping[int, Sequence[Mapping[str, object]]],
                        skills: Sequence[str]) -> list[tuple[str, float, float]]:
    """Per skill rated in a first and a latest assessment: (skill, mean first, mean latest)."""
    found = []
    for skill in skills:
        pairs = [(first, last) for answers in history.values() if len(answers) >= 2
                 if isinstance(first := answers[0].get(f"rate-{skill}"), int)
                 and isinstance(last := answers[-1].get(f"rate-{skill}"), int)]
        if pairs:
            found.append((skill, statistics.fmean(p[0] for p in pairs),
                          statistics.fmean(p[1] for p in pairs)))
    return found


async def gather(ctx: Ctx, exchange: Exchange) -> ChartData:
    """What the chart shows, from the same figures ``/stats`` prints."""
    cohorts = await reports.cohort_ids(ctx.session, exchange.id)
    people = await reports.learners(ctx.session, cohorts)
    tracks = {track.id: track.modules for track in ctx.deps.content.tracks}
    summaries = reports.track_summaries(
        people, await reports.attempts(ctx.session, cohorts), tracks)
    rounds = await reports.checkin_rounds(ctx.session, exchange.id)
    history = await reports.assessment_history(ctx.session, cohorts)
    return ChartData(
        tracks=[(_track_title(ctx, s.track_id), s.completed / s.enrolled)
                for s in summaries if s.enrolled],
        rounds=[(f"+{offset} d", answered / sent) for offset, sent, answered, _ in rounds
                if sent],
        skills=[(ctx.deps.translator.format(_chart_language(ctx), f"assess-rate-{skill}-name"),
                 before, after)
                for skill, before, after in skills_before_after(history, CORE_SKILLS)])


async def offer(ctx: Ctx, exchange: Exchange) -> Rows:
    """The button under ``/stats``, with the chart's size; none when there is nothing to
    draw yet."""
    data = await gather(ctx, exchange)
    if not data.bars:
        return ()
    size = max(1, round(data.estimated_bytes() / 1000))
    return ((buttons.button(ctx.t("stats-chart-button", size=size), "stc", str(exchange.id)),),)


@router.button("stc", role=COORDINATORS, action="stats", args=(int,))
async def send_chart(ctx: Ctx, exchange_id: int) -> Outcome:
    exchange = await exchanges.get_exchange(ctx.session, exchange_id)
    if exchange is None:
        raise ForgedButton
    data = await gather(ctx, exchange)
    if not data.bars:
        return Outcome(toast=ctx.t("stats-chart-empty"))
    image = render(data, _chart_texts(ctx))
    await record(ctx, "stats-chart", "ok", exchange.slug)
    caption = ctx.t("stats-chart-caption", exchange=exchange.name)
    document = Document(f"{exchange.slug}-stats.png", image, caption)
    return Outcome((Reply("", document=document),))


def _track_title(ctx: Ctx, track_id: str) -> str:
    track = ctx.deps.content.track(track_id)
    return (track.titles.get(_chart_language(ctx)) or track.titles["en"]) if track else track_id


def _chart_language(ctx: Ctx) -> str:
    # matplotlib draws Arabic letters unjoined and left to right: an Arabic reader gets the
    # chart's words in English rather than a garbled script (the caption stays Arabic).
    return "en" if ctx.lang == "ar" else ctx.lang


def _chart_texts(ctx: Ctx) -> dict[str, str]:
    lang = _chart_language(ctx)
    return {key: ctx.deps.translator.format(lang, f"stats-chart-{key}")
            for key in ("tracks", "rounds", "skills", "before", "after", "nothing")}


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS - 1] + "…"


def render(data: ChartData, texts: Mapping[str, str]) -> bytes:
    """The PNG: three small horizontal bar panels, one above the other."""
    import matplotlib

    matplotlib.use("Agg")  # no display, no GUI toolkit
    from matplotlib.figure import Figure
    from PIL import Image

    figure = Figure(figsize=(WIDTH, HEIGHT), dpi=DPI)
    panels = figure.subplots(3, 1, gridspec_kw={"height_ratios": [
        max(1, len(data.tracks)), max(1, len(data.rounds)), max(1, 2 * len(data.skills))]})
    bars = ((panels[0], texts["tracks"], data.tracks), (panels[1], texts["rounds"], data.rounds))
    for axes, title, rows in bars:
        _percent_panel(axes, title, rows, texts["nothing"])
    _skills_panel(panels[2], texts, data.skills)
    figure.tight_layout(pad=0.4, h_pad=0.6)
    raw = io.BytesIO()
    figure.savefig(raw, format="png", dpi=DPI)
    # Few colours: a palette image is a third of the size of the RGBA one.
    image = Image.open(raw).convert("RGB").quantize(colors=16)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _style(axes: Axes, title: str) -> None:
    axes.set_title(title, fontsize=9, loc="left", color=INK)
    axes.tick_params(labelsize=7, length=0, colors=INK)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    axes.grid(axis="x", color=GRID, linewidth=0.6)
    axes.set_axisbelow(True)


def _percent_panel(axes: Axes, title: str, rows: Sequence[tuple[str, float]],
                   nothing: str) -> None:
    _style(axes, title)
    axes.set_xlim(0, 100)
    if not rows:
        axes.set_yticks([])
        axes.text(50, 0, nothing, ha="center", va="center", fontsize=7,
                  color=INK)
        return
    labels = [_short(label) for label, _ in rows][::-1]
    values = [100 * share for _, share in rows][::-1]
    drawn = axes.barh(labels, values, color=INK, height=0.6)
    axes.bar_label(drawn, labels=[f"{v:.0f}%" for v in values], fontsize=7,
                   padding=2, color=INK)


def _skills_panel(axes: Axes, texts: Mapping[str, str],
                  rows: Sequence[tuple[str, float, float]]) -> None:
    _style(axes, texts["skills"])
    axes.set_xlim(0, 5)
    if not rows:
        axes.set_yticks([])
        axes.text(2.5, 0, texts["nothing"], ha="center", va="center",
                  fontsize=7, color=INK)
        return
    positions = list(range(len(rows)))[::-1]
    axes.barh([p + 0.2 for p in positions], [r[1] for r in rows], height=0.4,
              color=BEFORE, label=texts["before"])
    axes.barh([p - 0.2 for p in positions], [r[2] for r in rows], height=0.4,
              color=AFTER, label=texts["after"])
    axes.set_yticks(positions, [_short(r[0]) for r in rows])
    axes.legend(fontsize=6, loc="lower right", frameon=False)

"""``/offline``: a module or a whole track as one small plain-text document, its size shown
on the button before anyone spends data on it."""

from __future__ import annotations

from bot.content import Module
from bot.core import Document, Outcome, Reply
from handlers import buttons
from handlers.context import Ctx, ForgedButton
from handlers.guards import Choice
from handlers.router import Router

router = Router()


def module_text(ctx: Ctx, module: Module) -> str:
    """The module as plain text: every card, every quiz answer with its feedback, every
    scenario step with where each choice leads, every reflection prompt."""
    text, fallback = module.text_for(ctx.lang)
    title = text.title + (" " + ctx.t("learn-in-english") if fallback else "")
    out = [title, "=" * len(title), text.summary, ""]
    for number, card in enumerate(text.cards, 1):
        out.append(f"{number}. ")
        if card.kind == "quiz":
            out[-1] += ctx.t("offline-quiz")
            out.append(card.text)
            for choice in card.choices:
                mark = ctx.t("offline-correct") if choice.correct else "-"
                out.append(f"  {mark} {choice.label}: {choice.feedback}")
        elif card.kind == "scenario":
            out[-1] += ctx.t("offline-scenario")
            for step in card.steps:
                label = ctx.t("offline-debrief") if step.end else ctx.t("offline-step")
                out.append(f"  [{step.id}] {label}: {step.text}")
                out.extend(f"    -> {c.label} ({ctx.t('offline-go-to')} {c.next})"
                           for c in step.choices)
        elif card.kind == "reflection":
            out[-1] += ctx.t("offline-reflection")
            out.append(card.text)
        else:
            out[-1] += card.text
        out.append("")
    return "\n".join(out)


def size_label(size: int) -> str:
    return f"{size} B" if size < 1024 else f"{size / 1024:.1f} KB"


@router.command("offline")
async def offline_command(ctx: Ctx) -> Outcome:
    keyboard = tuple((buttons.button(t.titles.get(ctx.lang) or t.titles["en"], "off", t.id),)
                     for t in ctx.deps.content.tracks)
    return Outcome((Reply(ctx.t("offline-choose-track"), keyboard),))


@router.button("off", args=(str,))
async def offline_track(ctx: Ctx, track_id: str) -> Outcome:
    track = ctx.deps.content.track(track_id)
    if track is None:
        raise ForgedButton
    modules = [ctx.deps.content.modules[m] for m in track.modules]
    sizes = [len(module_text(ctx, m).encode()) for m in modules]
    rows = [(buttons.button(f"{m.text_for(ctx.lang)[0].title[:28]} ({size_label(s)})",
                            "offd", "m", m.id),) for m, s in zip(modules, sizes, strict=True)]
    rows.append((buttons.button(ctx.t("offline-whole-track", size=size_label(sum(sizes))),
                                "offd", "t", track.id),))
    title = track.titles.get(ctx.lang) or track.titles["en"]
    return Outcome((Reply(ctx.t("offline-choose", track=title), tuple(rows), edit=True),))


@router.button("offd", args=(Choice("m", "t"), str))
async def offline_download(ctx: Ctx, kind: str, ref: str) -> Outcome:
    """``m``: one module, by id; ``t``: a whole track."""
    content = ctx.deps.content
    if kind == "m" and ref in content.modules:
        module = content.modules[ref]
        body, name = module_text(ctx, module), module.id
        title = module.text_for(ctx.lang)[0].title
    elif kind == "t" and (track := content.track(ref)) is not None:
        body = "\n\n".join(module_text(ctx, content.modules[m]) for m in track.modules)
        name, title = track.id, track.titles.get(ctx.lang) or track.titles["en"]
    else:
        raise ForgedButton
    document = Document(f"{name}-{ctx.lang}.txt", body.encode(),
                        caption=ctx.t("offline-caption", title=title))
    return Outcome((Reply(title, document=document),), toast=ctx.t("offline-sent"))

"""What each translation was made from: ``content/translations/<lang>.toml``.

Content authors never write this file; ``content import`` and ``content stamp`` do::

    [sources]        # string id → fingerprint of the English it was translated from
    "modules/risk-assessment/title" = "3f2a9c1b0d4e"

    [drafts."modules/new-module/cards/intro/text"]   # translated, not shown yet: the rest of
    text = "…"                                       # its module is not translated
    source = "9a0c…"

A translation whose English has another fingerprint now is *outdated*; one with no fingerprint
(written by hand in TOML) is *unverified* until someone stamps it as reviewed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import tomli_w

from bot.translation.strings import read_toml

HEADER = """\
# Written by `exchange-bot content import` and `content stamp`; not for editing by hand.
# sources: for each translated string, a fingerprint of the English it was translated from
# (a different fingerprint now means the English changed: the translation is outdated).
# drafts: strings translated before the rest of their module, shown once it is complete.
"""


@dataclass(frozen=True)
class Draft:
    text: str
    source: str  # fingerprint of the English it translates


@dataclass
class TranslationRecord:
    language: str
    sources: dict[str, str] = field(default_factory=dict)
    drafts: dict[str, Draft] = field(default_factory=dict)


def record_path(root: Path, language: str) -> Path:
    return root / "translations" / f"{language}.toml"


def load_record(root: Path, language: str) -> TranslationRecord:
    raw = read_toml(record_path(root, language)) or {}
    sources = raw.get("sources", {})
    drafts = raw.get("drafts", {})
    return TranslationRecord(
        language=language,
        sources={str(k): str(v) for k, v in sources.items()} if isinstance(sources, dict)
        else {},
        drafts={str(k): Draft(text=str(v.get("text", "")), source=str(v.get("source", "")))
                for k, v in drafts.items() if isinstance(v, dict)}
        if isinstance(drafts, dict) else {})


def render_record(record: TranslationRecord) -> str:
    """The file's text: sorted, so that a change shows as a small diff."""
    body = tomli_w.dumps({
        "sources": dict(sorted(record.sources.items())),
        "drafts": {k: {"text": d.text, "source": d.source}
                   for k, d in sorted(record.drafts.items())},
    }, multiline_strings=True)
    return HEADER + "\n" + body

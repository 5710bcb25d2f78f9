"""The two files ``/mydata`` sends: one to read (every field labelled in the person's language,
times in their zone, stored codes in words: a role, a status, a track's title, a language's
name) and one for tools (JSON, its keys explained in an ``"_about"`` section, values as stored).

Both come from :func:`storage.mydata.collect`, which finds every table the person appears in
from the schema; nothing here lists tables. A column is either labelled
(``privacy-field-<column>`` in ``locales/*/privacy.ftl``) or one of the bot's own
references and bookkeeping, left out of the readable file and kept in the JSON: a test checks
that every column of every table is one or the other.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from bot.i18n import DEFAULT_LANGUAGE, Translate, format_date, format_datetime
from bot.local_time import format_clock
from handlers.assessment_questions import QUESTIONS
from handlers.broadcast_audience import segment_label
from handlers.context import Ctx
from storage import mydata
from storage.models import Base

FORMAT_VERSION = 2
# Numbers of other rows (the person's own, or a cohort's): meaningless on their own.
REFERENCES = frozenset({
    "id", "participant_id", "reporter_id", "author_id", "mentor_id", "mentee_id",
    "facilitator_id", "cohort_id", "exchange_id", "broadcast_id", "session_id", "checkin_id",
    "commitment_id", "status_message_id", "chat_id", "actor_id", "sender_id", "created_by",
    "submitted_by", "proposed_by"})
# How the bot keeps track of its own work: where a conversation stands, delivery attempts.
BOOKKEEPING = frozenset({
    "step", "last_press", "key", "lane", "attempts", "claimed_at", "next_attempt_at", "html",
    "error", "routed_at", "circle", "module_nudges", "module_nudged_at", "repeat"})
CLOCK_COLUMNS = frozenset({"quiet_start", "quiet_end"})  # minutes after local midnight
# Stored codes shown as words from the locales, by column, or by table and column where one
# column name holds different codes (the "status" of a commitment, of a pairing …). Most are
# the words the bot already uses for them; the roles' are the terminal chat's.
WORDED = {"format": "session-format-{}", "purpose": "consent-{}-short", "region": "region-{}",
          "role": "console-role-{}", "severity": "incident-severity-{}",
          "happened": "incident-when-{}", "outcome": "privacy-value-outcome-{}"}
WORDED_IN = {
    ("commitments", "status"): "privacy-value-commitment-{}",
    ("checkins", "status"): "privacy-value-checkin-{}",
    ("checkin_answers", "status"): "checkin-{}",
    ("pairings", "status"): "privacy-value-pairing-{}",
    ("mentorship_requests", "kind"): "privacy-value-mentoring-{}",
    ("library_submissions", "status"): "privacy-value-submission-{}",
    ("library_submissions", "kind"): "library-type-{}",
    ("stories", "kind"): "story-kind-{}",
    ("incidents", "status"): "incident-status-{}",
    ("broadcasts", "status"): "privacy-value-broadcast-{}",
    ("outbox", "status"): "privacy-value-message-{}",
}
TRACK_COLUMNS = frozenset({"track_id", "recommended_track"})
MODULE_COLUMNS = frozenset({"module_id", "current_module"})


def plain_value(column: str, value: Any) -> Any:
    """A value as the JSON holds it: moments in ISO 8601 UTC, quiet hours as "HH:MM"."""
    if column in CLOCK_COLUMNS and isinstance(value, int):
        return format_clock(value)
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return moment.astimezone(UTC).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def as_json(t: Translate, found: mydata.Rows, *, telegram_id: int, now: datetime,
            lang: str) -> bytes:
    tables = {table: [{column: plain_value(column, value) for column, value in row.items()}
                      for row in rows] for table, rows in found.items()}
    columns = sorted({column for rows in found.values() for row in rows for column in row})
    about = {
        "format": t("privacy-about-format"),
        "tables": {table: kind(t, table) for table in found},
        "fields": {column: _about(t, column) for column in columns},
    }
    body = {"format": FORMAT_VERSION, "telegram_id": telegram_id, "language": lang,
            "exported_at": plain_value("", now), "_about": about, "tables": tables}
    return json.dumps(body, ensure_ascii=False, indent=1).encode()


def as_text(ctx: Ctx, found: mydata.Rows) -> bytes:
    """Sections per kind of record, one "Label: value" line per filled field, in the
    person's language and zone."""
    t, now = ctx.t, ctx.now()
    out = [t("privacy-text-title", when=format_datetime(ctx.lang, now, ctx.zone),
             zone=ctx.zone_name), "", t("privacy-text-intro"), ""]
    for table, rows in found.items():
        out.append(f"== {kind(t, table)} ({len(rows)}) ==")
        for number, row in enumerate(rows, 1):
            if len(rows) > 1:
                out.append(f"-- {number} --")
            for column, value in row.items():
                shown = _shown(ctx, table, row, column, value)
                if shown is not None:
                    out.append(f"{t(f'privacy-field-{column}')}: {shown}")
        out.append("")
    return "\n".join(out).encode()


def unlabelled_columns(labelled: set[str]) -> list[str]:
    """``table.column`` of columns a person's rows may have that have no label and are not
    references or bookkeeping (``labelled``: column names with a ``privacy-field-`` id)."""
    tables = ({mydata.PARTICIPANTS} | {t.name for t in mydata.participant_keys()}
              | {t.name for t in mydata.dependent_keys()}
              | {t.name for t in mydata.telegram_id_columns()})
    return [f"{table.name}.{column.name}" for table in Base.metadata.sorted_tables
            if table.name in tables for column in table.columns
            if column.name not in labelled | REFERENCES | BOOKKEEPING]


def kind(t: Translate, table: str) -> str:
    """What a table holds, in the reader's words (its name, for a table nobody named yet)."""
    msg_id = f"privacy-kind-{table}"
    label = t(msg_id)
    return table if label == msg_id else label


def _about(t: Translate, column: str) -> str:
    if column in REFERENCES:
        return t("privacy-about-reference")
    if column in BOOKKEEPING:
        return t("privacy-about-bookkeeping")
    return t(f"privacy-field-{column}")


def _shown(ctx: Ctx, table: str, row: Mapping[str, Any], column: str,
           value: Any) -> str | None:
    """The value for a reader, or None for a field left out (empty, or the bot's own)."""
    if column in REFERENCES or column in BOOKKEEPING or value in (None, "", {}, []):
        return None
    if column in CLOCK_COLUMNS and isinstance(value, int):
        return format_clock(value)
    if isinstance(value, bool):
        return ctx.t("privacy-value-yes" if value else "privacy-value-no")
    if isinstance(value, datetime):
        return format_datetime(ctx.lang, value, ctx.zone)
    if isinstance(value, date):
        return format_date(ctx.lang, value)
    if table == "assessments" and column == "answers" and isinstance(value, Mapping):
        return _assessment_answers(ctx, value)
    if isinstance(value, Mapping | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, str):
        return _named(ctx, table, row, column, value)
    if table == "broadcast_answers" and column == "option" and isinstance(value, int):
        return ctx.t("privacy-value-option", number=value + 1)  # counted from 1, as shown
    return str(value)


def _named(ctx: Ctx, table: str, row: Mapping[str, Any], column: str, code: str) -> str:
    """A stored code in the reader's words; the code itself for one nobody named (a track
    since removed from the content, a region from an older version)."""
    pattern = WORDED_IN.get((table, column)) or WORDED.get(column)
    if pattern is not None:
        msg_id = pattern.format(code)
        words = ctx.t(msg_id)
        return code if words == msg_id else words
    content = ctx.deps.content
    if column in TRACK_COLUMNS:
        track = content.track(code)
        return (track.titles.get(ctx.lang) or track.titles[DEFAULT_LANGUAGE]) if track else code
    if column in MODULE_COLUMNS:
        module = content.modules.get(code)
        return module.text_for(ctx.lang)[0].title if module else code
    if column == "choice_id":
        return _choice_label(ctx, row) or code
    if column == "card_id":
        return _card_place(ctx, row) or code
    if column == "language":
        return ctx.deps.translator.language_name(code)
    if column == "segment":
        return segment_label(ctx, code)
    return code


def _card_place(ctx: Ctx, row: Mapping[str, Any]) -> str | None:
    """Which card of its module a card is ("card 3 of 7"): cards have no titles."""
    module = ctx.deps.content.modules.get(str(row.get("module_id")))
    if module is None:
        return None
    cards = [card.id for card in module.text_for(ctx.lang)[0].cards]
    card_id = str(row.get("card_id"))
    if card_id not in cards:
        return None
    return ctx.t("privacy-value-card", number=cards.index(card_id) + 1, total=len(cards))


def _choice_label(ctx: Ctx, row: Mapping[str, Any]) -> str | None:
    """What the chosen answer of a quiz or scenario said, in the reader's language."""
    module = ctx.deps.content.modules.get(str(row.get("module_id")))
    card = module.text_for(ctx.lang)[0].card(str(row.get("card_id"))) if module else None
    if card is None:
        return None
    step = card.step(str(row.get("step_id"))) if row.get("step_id") else None
    choices = step.choices if step is not None else card.choices
    return next((c.label for c in choices if c.id == row.get("choice_id")), None)


def _assessment_answers(ctx: Ctx, answers: Mapping[str, Any]) -> str:
    """Each question answered, as the person was asked it (without the tapping advice), with
    the answer in their words: one indented line each."""
    lines = []
    for question in QUESTIONS:
        given = answers.get(question.id)
        if given in (None, "", []):
            continue
        chosen = given if isinstance(given, list) else [given]
        if question.kind == "rating":
            asked, shown = ctx.t(f"assess-{question.id}-name"), f"{given}/5"
        else:
            asked = _question_only(ctx.t(f"assess-{question.id}"))
            shown = (", ".join(ctx.t(f"assess-{question.id}-{option}") for option in chosen)
                     if question.options else str(given))
        lines.append(f"  {asked} — {shown}")
    return "\n" + "\n".join(lines) if lines else ""


def _question_only(text: str) -> str:
    """A question without what follows it ("Tap all that apply, then Done.")."""
    ends = [at for at in (text.find("?"), text.find("؟")) if at >= 0]
    return text[:min(ends) + 1] if ends else text

"""Every message exists in every language, with the same placeables, and every id the code
asks for exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast
from fluent.syntax.serializer import serialize_pattern

from bot.config import PROJECT_ROOT
from bot.i18n import LANGUAGES
from bot.local_time import REGIONS
from bot.transports.common import PUBLIC_COMMANDS
from handlers.consent import PURPOSES
from handlers.menu import MENU_ITEMS

LOCALES = PROJECT_ROOT / "locales"
CODE_DIRS = ("bot", "handlers")
# ctx.t("id", …) and translator.format(lang, "id", …)
USES = re.compile(r"""\b(?:t|format)\(\s*(?:\w+,\s*)?["']([a-z][a-z0-9_-]+)["']""")


def messages(lang: str) -> dict[str, set[str]]:
    """Message id → the variables its pattern uses."""
    found: dict[str, set[str]] = {}
    for path in sorted((LOCALES / lang).glob("*.ftl")):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        junk = [e for e in resource.body if isinstance(e, ast.Junk)]
        assert not junk, f"{path}: syntax error near {junk[0].content[:60]!r}"
        for entry in resource.body:
            if isinstance(entry, ast.Message) and entry.value is not None:
                found[entry.id.name] = set(re.findall(r"\$([A-Za-z_-]+)",
                                                      serialize_pattern(entry.value)))
    return found


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_same_messages_and_placeables_as_english(lang: str) -> None:
    english, other = messages("en"), messages(lang)
    assert sorted(english.keys() - other.keys()) == [], f"missing in {lang}"
    assert sorted(other.keys() - english.keys()) == [], f"only in {lang}"
    assert {k: v for k, v in other.items() if english[k] != v} == {}


def test_every_id_the_code_uses_exists() -> None:
    english = messages("en")
    used: set[str] = set()
    for folder in CODE_DIRS:
        for path in (PROJECT_ROOT / folder).rglob("*.py"):
            used |= set(USES.findall(path.read_text(encoding="utf-8")))
    # Ids built from a prefix and a key.
    used |= {f"consent-{p}{suffix}" for p in PURPOSES for suffix in ("", "-why", "-short")}
    used |= {f"region-{r}" for r in REGIONS} | {f"menu-{m}" for m in MENU_ITEMS}
    used |= {f"cmd-{c}" for c in PUBLIC_COMMANDS}
    assert sorted(used - english.keys()) == []
    assert len(used) > 60


def test_texts_fit_telegram() -> None:
    for lang in LANGUAGES:
        for path in Path(LOCALES, lang).glob("*.ftl"):
            assert len(path.read_text(encoding="utf-8")) < 20_000

"""The glossary through the core model: definitions in the person's language (English, marked,
where not translated), close matches for a word it does not know, the list, term buttons under
a card that answer without leaving the module, and forged buttons."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.app import App
from bot.clock import FakeClock
from bot.config import PROJECT_ROOT, Settings
from handlers.glossary import PER_PAGE, fold
from storage.models import ModuleProgress
from tests.chat_driver import ChatDriver
from tests.conftest import ADMIN_ID, build_app
from tests.test_content import LINKED, glossary, pack
from tests.test_learning import onboard_in, start_module


def definition(app: App, lang: str, term_id: str) -> tuple[str, str]:
    """The term and the explanation the pack holds for ``lang`` (or its fallback)."""
    found = app.deps.content.glossary.entry(term_id, lang)
    assert found is not None
    return found[0].term, found[0].text


async def test_a_term_in_english(app: App) -> None:
    chat = ChatDriver(app, 6001)  # the glossary is open to people who have not joined
    await chat.send("/glossary mutual aid")
    term, text = definition(app, "en", "mutual-aid")
    assert chat.text == f"📖 {term}\n{text}"


@pytest.mark.parametrize("typed", ["apoyo mutuo", "APOYO-MÚTUO", "  Apoyo   mutuo! ",
                                   "Mutual Aid", "mutual-aid"])
async def test_spanish_any_case_or_accent_and_the_english_word_too(app: App,
                                                                   typed: str) -> None:
    chat = ChatDriver(app, 6002, language_code="es")
    await chat.send(f"/glossary {typed}")
    term, text = definition(app, "es", "mutual-aid")
    assert chat.text == f"📖 {term} · Mutual aid\n{text}"  # the English word they will meet


async def test_french_and_arabic_readers_get_their_own_words(app: App) -> None:
    for lang, user_id in (("fr", 6003), ("ar", 6005)):
        chat = ChatDriver(app, user_id, language_code=lang)
        await chat.send("/glossary steward")
        term, text = definition(app, lang, "steward")
        assert chat.text == f"📖 {term} · Steward\n{text}"


@pytest.fixture
async def pack_without_french(settings: Settings, clock: FakeClock,
                              tmp_path: Path) -> AsyncIterator[App]:
    """The real pack, with its French glossary left out: what a new language looks like."""
    content = tmp_path / "content"
    shutil.copytree(PROJECT_ROOT / "content", content)
    (content / "glossary" / "fr.toml").unlink()
    manifest = content / "glossary" / "glossary.toml"
    manifest.write_text(manifest.read_text().replace('"fr", ', ""))
    application = build_app(settings.model_copy(update={"content_dir": content}), clock=clock)
    await application.start()
    yield application
    await application.close()


async def test_untranslated_terms_fall_back_to_english_marked(
        pack_without_french: App) -> None:
    chat = ChatDriver(pack_without_french, 6003, language_code="fr")
    await chat.send("/glossary steward")
    term, text = definition(pack_without_french, "en", "steward")
    assert chat.text == f"📖 {term} {chat.t('fr', 'learn-in-english')}\n{text}"


async def test_an_unknown_word_gets_close_matches(app: App) -> None:
    chat = ChatDriver(app, 6004)
    await chat.send("/glossary stewerd")
    assert chat.text == chat.t("en", "glossary-did-you-mean", query="stewerd")
    assert "📖 Steward" in chat.labels()
    await chat.press("📖 Steward")
    [reply] = chat.last.replies
    assert not reply.edit  # a new message: the suggestion stays where it was
    assert reply.text.startswith("📖 Steward\n")
    await chat.send("/glossary union")  # part of a term
    assert "📖 Tenant union" in chat.labels()
    await chat.send("/glossary xyzzy")
    assert chat.texts == [chat.t("en", "glossary-not-found", query="xyzzy")]
    assert chat.last.replies[0].buttons == ()
    await chat.send("/glossary " + "z" * 300)  # too long to look up; echoed only in part
    assert chat.texts == [chat.t("en", "glossary-not-found", query="z" * 60 + "…")]


async def test_close_matches_across_languages(app: App) -> None:
    chat = ChatDriver(app, 6005, language_code="es")
    await chat.send("/glossary sindicato inquilino")
    assert chat.labels() == [f"📖 {definition(app, 'es', 'tenant-union')[0]}"]
    await chat.send("/glossary tenant unon")  # an English typo from a Spanish speaker
    assert f"📖 {definition(app, 'es', 'tenant-union')[0]}" in chat.labels()


async def test_the_list_pages_and_opens_terms_in_place(app: App) -> None:
    chat = ChatDriver(app, 6006)
    total = len(app.deps.content.glossary.ids)
    pages = -(-total // PER_PAGE)
    await chat.send("/glossary")
    assert chat.text == chat.t("en", "glossary-list", page=1, pages=pages)
    first = chat.labels()
    assert len(first) == PER_PAGE + 1 and first[-1] == "▶"
    assert first[:PER_PAGE] == sorted(first[:PER_PAGE], key=fold)
    await chat.press("▶")
    assert chat.text == chat.t("en", "glossary-list", page=2, pages=pages)
    assert chat.last.replies[0].edit
    second = chat.labels()
    assert not set(second) & set(first[:PER_PAGE]) and second[-2:] == ["◀", "▶"]
    await chat.press(second[0])
    [reply] = chat.last.replies
    assert reply.edit and reply.text.startswith(f"📖 {second[0]}\n")
    await chat.press(chat.t("en", "glossary-back"))
    assert chat.labels() == second


async def test_forged_and_stale_glossary_buttons(app: App) -> None:
    chat = ChatDriver(app, 6007)
    await chat.send("/glossary")
    for data in ("1:gl:no-such-term", "1:gl:steward:x", "1:gl:steward:0:1", "1:glp:x",
                 "1:glp:-1", "1:glp", "1:gl"):
        outcome = await chat.press_data(data)
        assert outcome.toast == chat.t("en", "button-unknown"), data
    outcome = await chat.press_data("1:glp:99")  # a page of a longer glossary than this one
    assert outcome.toast == chat.t("en", "button-stale")


async def test_an_empty_glossary(settings: Settings, clock: FakeClock, tmp_path: Path) -> None:
    app = build_app(settings.model_copy(update={"content_dir": pack(tmp_path)}), clock=clock)
    await app.start()
    try:
        chat = ChatDriver(app, 6008)
        await chat.send("/glossary")
        assert chat.texts == [chat.t("en", "glossary-empty")]
        await chat.send("/glossary steward")
        assert chat.texts == [chat.t("en", "glossary-empty")]
    finally:
        await app.close()


# -- a card that links a term -----------------------------------------------------------------
@pytest.fixture
async def linked(settings: Settings, clock: FakeClock, tmp_path: Path) -> AsyncIterator[App]:
    manifest = 'translations = ["en", "es"]\nfallback = "en"\n'
    root = glossary(pack(tmp_path / "pack", english=LINKED, manifest=manifest,
                         extra={"es.toml": LINKED.replace("A module", "Un módulo")}))
    app = build_app(settings.model_copy(update={"content_dir": root}), clock=clock)
    await app.start()
    yield app
    await app.close()


async def test_a_card_term_opens_without_leaving_the_module(linked: App) -> None:
    chat = ChatDriver(linked, 5001)
    await start_module(chat)
    card = chat.last.replies[0]
    assert "Read this." in card.text
    assert [b.label for row in card.buttons for b in row] == [
        chat.t("en", "learn-next"), chat.t("en", "learn-back"), "📖 Steward"]
    await chat.press("📖 Steward")
    [reply] = chat.last.replies
    assert not reply.edit
    assert reply.text == "📖 Steward\nA volunteer who looks after people at an action."
    async with linked.sessions() as session:
        progress = await session.scalar(select(ModuleProgress))
    assert progress is not None and progress.card_id == "intro"  # still on the card
    await chat.press(chat.t("en", "learn-next"))  # the card's own button still works
    assert "Which one?" in chat.text


async def test_a_linked_term_in_spanish_and_in_fallback(linked: App) -> None:
    admin = ChatDriver(linked, ADMIN_ID)
    for lang, expected in (("es", "📖 Persona de apoyo"), ("fr", "📖 Steward")):
        chat = ChatDriver(linked, 8100 + ord(lang[0]), language_code=lang)
        await onboard_in(chat, admin, lang)
        await chat.send("/tracks")
        await chat.press(linked.deps.content.tracks[0].titles[lang])
        await chat.press("A module" if lang == "fr" else "Un módulo")
        assert expected in chat.labels()
        await chat.press(expected)
        head = chat.text.splitlines()[0]
        assert head.startswith(expected)
        assert head.endswith(chat.t(lang, "learn-in-english")) is (lang == "fr")

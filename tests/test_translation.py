"""The translator's workflow: status, export to PO / XLIFF, a translator's tool filling it in,
import (checked before anything is written), and a participant seeing the new words."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from translate.storage import factory, xliff

from bot.cli import main
from bot.content import load
from bot.translation.catalogue import read_catalogue
from bot.translation.record import load_record
from bot.translation.strings import english, source_hash
from bot.translation.toml_files import render
from tests.chat_driver import ChatDriver
from tests.cohort_helpers import invite_code, join, new_exchange
from tests.test_content import ENGLISH, GLOSSARY_EN, ITEM, LINKED, glossary, item, pack
from tests.test_learning import app  # noqa: F401 - the app, on this module's `content` pack

EN_ES = 'translations = ["en", "es"]\nfallback = "en"\n'
SPANISH = (ENGLISH.replace('"A module"', '"Un módulo"').replace("Read this.", "Lee esto.")
           .replace("What it is for.", "Para qué sirve.").replace("Which one?", "¿Cuál?"))
FRENCH = {  # what the translator types, by string id; the rest gets "FR " + the English
    "modules/m1/title": "Un module",
    "modules/m1/cards/intro/text": "Lisez ceci.",
}


def cli(*args: str) -> int:
    return main(["content", *args])


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def translate(path: Path, fill: Callable[[str, str], str | None]) -> None:
    """What a translator's tool does: type a target, and mark it done (an XLIFF editor sets
    state="translated" and leaves `approved` alone, as most do)."""
    store = factory.getobject(str(path))
    for unit in store.unit_iter():
        if unit.isheader():
            continue
        is_xliff = isinstance(unit, xliff.xliffunit)
        string_id = unit.getid().rpartition("\x04")[2] if is_xliff else unit.getcontext()
        text = fill(string_id, str(unit.source))
        if text is None:
            continue
        unit.target = text
        if is_xliff:
            unit.getlanguageNode(lang=None, index=1).set("state", "translated")
        else:
            unit.markfuzzy(False)
    out = path.open("wb")
    with out:
        store.serialize(out)


def french(string_id: str, source: str) -> str:
    return FRENCH.get(string_id, f"FR {source}")


# -- string ids and status --------------------------------------------------------------------
def test_every_translatable_text_has_a_stable_id(tmp_path: Path) -> None:
    ids = [f.id for f in english(item(glossary(pack(tmp_path, english=LINKED))))]
    card = "modules/m1/cards"
    assert ids == [
        "modules/m1/title", "modules/m1/summary", f"{card}/intro/text", f"{card}/q/text",
        f"{card}/q/choices/a/label", f"{card}/q/choices/a/feedback",
        f"{card}/q/choices/b/label", f"{card}/q/choices/b/feedback",
        f"{card}/drill/steps/s1/text", f"{card}/drill/steps/s1/choices/x/label",
        f"{card}/drill/steps/s1/choices/y/label", f"{card}/drill/steps/end-x/text",
        f"{card}/drill/steps/end-y/text",
        "glossary/steward/term", "glossary/steward/text",
        "glossary/mutual-aid/term", "glossary/mutual-aid/text",
        "library/a-checklist/title", "library/a-checklist/summary", "library/a-checklist/body"]


def test_status_counts_what_each_language_has(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    root = pack(tmp_path, manifest=EN_ES, extra={"es.toml": SPANISH})
    assert cli("status", "--root", str(root)) == 0
    out = capsys.readouterr().out
    # Spanish written by hand: shown, but nobody recorded which English it was made from.
    assert "es: 13 strings: 13 unverified" in out
    assert "fr: 13 strings: 13 missing" in out and "ar: 13 strings: 13 missing" in out

    assert cli("stamp", "es", "--root", str(root)) == 0
    assert "13 'es' string(s) recorded" in capsys.readouterr().out
    english_file = root / "modules" / "m1" / "en.toml"
    english_file.write_text(ENGLISH.replace("Read this.", "Read this first."), encoding="utf-8")
    assert cli("status", "--language", "es", "--list", "--root", str(root)) == 0
    out = capsys.readouterr().out
    assert "es: 13 strings: 12 translated, 1 outdated" in out
    assert "modules/m1  12 translated, 1 outdated" in out
    assert "outdated    modules/m1/cards/intro/text" in out
    assert "fr:" not in out

    # A plain stamp never hides an outdated string; naming the module re-stamps it.
    cli("stamp", "es", "--root", str(root))
    cli("stamp", "es", "modules/m", "--root", str(root))  # whole parts only: no module "m"
    assert "0 'es'" in capsys.readouterr().out.splitlines()[-1]
    cli("stamp", "es", "modules/m1", "--root", str(root))
    cli("status", "--language", "es", "--root", str(root))
    assert "es: 13 strings: 13 translated" in capsys.readouterr().out


# -- export --------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["es.po", "es.xlf"])
def test_export_sends_missing_and_outdated_strings(tmp_path: Path, name: str) -> None:
    root = pack(tmp_path / "pack", manifest=EN_ES, extra={"es.toml": SPANISH})
    cli("stamp", "es", "--root", str(root))
    (root / "modules" / "m1" / "en.toml").write_text(
        ENGLISH.replace("Read this.", "Read this first."), encoding="utf-8")
    path = tmp_path / name
    assert cli("export", "es", str(path), "--root", str(root)) == 0
    language, returned = read_catalogue(path)
    assert language == "es"
    [outdated] = returned
    assert outdated.id == "modules/m1/cards/intro/text"
    assert (outdated.source, outdated.target) == ("Read this first.", "Lee esto.")
    assert not outdated.done  # fuzzy / needs review: the English changed under it
    assert "The English changed" in path.read_text(encoding="utf-8")

    assert cli("export", "es", str(path), "--all", "--root", str(root)) == 0
    _, everything = read_catalogue(path)
    assert len(everything) == 13
    assert sum(r.done for r in everything) == 12  # the current ones go out as done


def test_export_needs_a_known_file_type(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    root = pack(tmp_path / "pack")
    assert cli("export", "fr", str(tmp_path / "fr.txt"), "--root", str(root)) == 2
    assert ".po, .xlf or .xliff" in capsys.readouterr().err


# -- import -------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["fr.po", "fr.xliff"])
def test_a_module_round_trip(tmp_path: Path, name: str) -> None:
    root = pack(tmp_path / "pack")
    path = tmp_path / name
    assert cli("export", "fr", str(path), "--root", str(root)) == 0
    translate(path, french)
    assert cli("import", "fr", str(path), "--root", str(root)) == 0
    module = load(root).modules["m1"]
    text, fallback = module.text_for("fr")
    assert not fallback and text.title == "Un module"
    card = text.card("intro")
    assert card is not None and card.text == "Lisez ceci."
    quiz = text.card("q")
    assert quiz is not None and [c.correct for c in quiz.choices] == [True, False]
    manifest = tomllib.loads((root / "modules" / "m1" / "module.toml").read_text("utf-8"))
    assert manifest["translations"] == ["en", "fr"]
    record = load_record(root, "fr")
    assert record.sources["modules/m1/cards/intro/text"] == source_hash("Read this.")
    assert len(record.sources) == 13 and not record.drafts
    # Written as people write these files: the same layout as the English.
    written = (root / "modules" / "m1" / "fr.toml").read_text(encoding="utf-8")
    assert written == render(tomllib.loads(written))
    assert '[[cards.steps.choices]]\nid = "x"\nlabel = "FR X"\nnext = "end-x"\n' in written


def test_an_import_with_problems_writes_nothing(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    root = pack(tmp_path / "pack")
    path = tmp_path / "fr.po"
    cli("export", "fr", str(path), "--root", str(root))

    def too_long(string_id: str, source: str) -> str:
        return "Celle-ci, sans aucun doute possible, vraiment" if string_id.endswith(
            "choices/a/label") else french(string_id, source)

    translate(path, too_long)
    before = files(root)
    assert cli("import", "fr", str(path), "--root", str(root)) == 1
    captured = capsys.readouterr()
    assert f"{root}/modules/m1/fr.toml, card q, choice a: 'label' is 45 characters; at most " \
           "40" in captured.out
    assert "nothing was written" in captured.err
    assert files(root) == before  # no module file, no manifest change, no record


def test_a_partial_module_waits_as_drafts(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    root = pack(tmp_path / "pack")
    first, second = tmp_path / "first.po", tmp_path / "second.po"
    cli("export", "fr", str(first), "--root", str(root))
    translate(first, lambda i, s: french(i, s) if "/cards/" not in i else None)
    assert cli("import", "fr", str(first), "--root", str(root)) == 0
    assert "kept as a draft: modules/m1 (11 string(s) still to translate" in \
        capsys.readouterr().out
    assert load(root).modules["m1"].text_for("fr")[1]  # still English, marked
    cli("status", "--language", "fr", "--root", str(root))
    assert "2 drafted, 11 missing" in capsys.readouterr().out

    # The next export carries the drafts, as done; the translator finishes the rest.
    cli("export", "fr", str(second), "--root", str(root))
    _, returned = read_catalogue(second)
    drafted = {r.id: r for r in returned if r.target}
    assert drafted["modules/m1/title"].target == "Un module" and drafted["modules/m1/title"].done
    translate(second, lambda i, s: None if i in drafted else french(i, s))
    assert cli("import", "fr", str(second), "--root", str(root)) == 0
    assert "shown in 'fr' now: modules/m1" in capsys.readouterr().out
    text, fallback = load(root).modules["m1"].text_for("fr")
    assert not fallback and text.title == "Un module"
    record = load_record(root, "fr")
    assert not record.drafts and len(record.sources) == 13


def test_an_import_refuses_another_language_and_skips_strangers(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = pack(tmp_path / "pack")
    path = tmp_path / "fr.po"
    cli("export", "fr", str(path), "--root", str(root))
    translate(path, french)
    assert cli("import", "ar", str(path), "--root", str(root)) == 2
    assert "is a 'fr' file, not 'ar'" in capsys.readouterr().err
    # The English renamed a card since the export: its strings are named and skipped.
    (root / "modules" / "m1" / "en.toml").write_text(
        ENGLISH.replace('id = "intro"', 'id = "welcome"'), encoding="utf-8")
    assert cli("import", "fr", str(path), "--root", str(root)) == 0
    out = capsys.readouterr().out
    assert "modules/m1/cards/intro/text: no such string now" in out
    assert "kept as a draft: modules/m1 (1 string(s) still to translate" in out


def test_a_card_added_in_english_is_translated_in_and_the_pack_mended(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = pack(tmp_path / "pack", manifest=EN_ES, extra={"es.toml": SPANISH})
    cli("stamp", "es", "--root", str(root))
    (root / "modules" / "m1" / "en.toml").write_text(
        ENGLISH + '\n[[cards]]\nid = "more"\nkind = "text"\ntext = "One more thing."\n',
        encoding="utf-8")
    assert cli("check", "--root", str(root)) == 1  # es.toml lacks the card: no start
    cli("status", "--language", "es", "--list", "--root", str(root))
    assert "missing     modules/m1/cards/more/text" in capsys.readouterr().out
    path = tmp_path / "es.po"
    cli("export", "es", str(path), "--root", str(root))
    assert [r.id for r in read_catalogue(path)[1]] == ["modules/m1/cards/more/text"]
    translate(path, lambda i, s: "Una cosa más.")
    assert cli("import", "es", str(path), "--root", str(root)) == 0
    card = load(root).modules["m1"].texts["es"].card("more")
    assert card is not None and card.text == "Una cosa más."
    assert load(root).modules["m1"].texts["es"].title == "Un módulo"  # the rest kept


def test_glossary_terms_and_library_items_round_trip(tmp_path: Path) -> None:
    root = item(glossary(pack(tmp_path / "pack", english=LINKED)),
                "# A checklist for tests.\n" + ITEM)
    path = tmp_path / "fr.po"
    cli("export", "fr", str(path), "--only", "glossary", "--only", "library", "--root", str(root))
    # One term is left for later: the glossary shows the other one in French already.
    translate(path, lambda i, s: None if i.startswith("glossary/mutual-aid") else f"FR {s}")
    assert cli("import", "fr", str(path), "--root", str(root)) == 0
    loaded = load(root)
    steward = loaded.glossary.entry("steward", "fr")
    assert steward is not None and steward == (steward[0], False)
    assert steward[0].term == "FR Steward"
    mutual = loaded.glossary.entry("mutual-aid", "fr")
    assert mutual is not None and mutual[1]  # in English, marked
    checklist = loaded.library["a-checklist"]
    assert checklist.text_for("fr")[0].body == "FR [ ] One thing"
    assert checklist.text_for("es")[0].body == "[ ] Una cosa"  # the others are untouched
    written = (root / "library" / "a-checklist.toml").read_text(encoding="utf-8")
    assert written.startswith("# A checklist for tests.\n")
    assert written.endswith('[fr]\ntitle = "FR A checklist"\nsummary = "FR What it is for."\n'
                            'body = "FR [ ] One thing"\n')


def test_the_writer_keeps_the_hand_written_layout() -> None:
    for text in (ENGLISH, GLOSSARY_EN, ITEM):
        assert render(tomllib.loads(text)) == text.lstrip("\n")
    for tricky in ('say "hi"', 'x\n"""y"', '""""\n', 'back\\slash\n"', "tab\tand\x01\n"):
        assert tomllib.loads(render({"text": tricky}))["text"] == tricky


def test_translate_toolkit_stays_out_of_the_bots_start_up() -> None:
    probe = ("import sys, bot.app, bot.cli, bot.content\n"
             "print(sorted(m for m in sys.modules if m.split('.')[0] in "
             "('translate', 'tomli_w', 'lxml')))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"


# -- through the real app: a participant sees the new words -----------------------------------
@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A pack with English and hand-written Spanish; then, by files as volunteers work: the
    whole module in French (PO), and one Spanish card whose English changed (XLIFF)."""
    root = pack(tmp_path / "pack", manifest=EN_ES, extra={"es.toml": SPANISH})
    assert cli("stamp", "es", "--root", str(root)) == 0
    fr_file, es_file = tmp_path / "fr.po", tmp_path / "es.xlf"
    assert cli("export", "fr", str(fr_file), "--root", str(root)) == 0
    translate(fr_file, french)
    assert cli("import", "fr", str(fr_file), "--root", str(root)) == 0

    (root / "modules" / "m1" / "en.toml").write_text(
        ENGLISH.replace("Read this.", "Read this first."), encoding="utf-8")
    assert cli("export", "es", str(es_file), "--root", str(root)) == 0
    translate(es_file, lambda i, s: "Lee esto primero.")  # the one outdated string
    assert cli("import", "es", str(es_file), "--root", str(root)) == 0
    return root


async def test_participants_see_the_imported_words(admin: ChatDriver,
                                                   capsys: pytest.CaptureFixture[str],
                                                   content: Path) -> None:
    code = await invite_code(admin, await new_exchange(admin))
    for user_id, lang, track, title, words in (
            (8101, "fr", "Base", "Un module", "Lisez ceci."),
            (8102, "es", "Básico", "Un módulo", "Lee esto primero.")):
        person = await join(admin.app, code, user_id, lang=lang)
        await person.send("/tracks")
        await person.press(track)
        await person.press(title)
        assert person.text.startswith(person.t(lang, "learn-card-head", title=title,
                                               number=1, total=3)), person.text
        assert words in person.text
        assert person.t(lang, "learn-in-english") not in person.text
    capsys.readouterr()
    cli("status", "--root", str(content))
    out = capsys.readouterr().out
    # The French was made from the English before it changed: status says so.
    assert "es: 13 strings: 13 translated" in out
    assert "fr: 13 strings: 12 translated, 1 outdated" in out

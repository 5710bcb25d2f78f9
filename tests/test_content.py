"""Content packs: the real pack is valid, and every kind of broken pack is caught, with the
file and the reason."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.config import PROJECT_ROOT
from bot.content import MAX_CARD_TEXT, MAX_TRIES, ContentError, check, fallbacks, load

EXE = Path(sys.executable).with_name("exchange-bot")

TRACKS = """
[[tracks]]
id = "core"
kind = "core"
modules = ["m1"]
title = { en = "Core", es = "Básico", fr = "Base", ar = "أساسي" }
"""
MANIFEST = 'translations = ["en"]\nfallback = "en"\n'
ENGLISH = """
title = "A module"
summary = "What it is for."

[[cards]]
id = "intro"
kind = "text"
text = "Read this."

[[cards]]
id = "q"
kind = "quiz"
text = "Which one?"
[[cards.choices]]
id = "a"
label = "This one"
correct = true
feedback = "Yes."
[[cards.choices]]
id = "b"
label = "That one"
feedback = "No."

[[cards]]
id = "drill"
kind = "scenario"
start = "s1"
[[cards.steps]]
id = "s1"
text = "What now?"
[[cards.steps.choices]]
id = "x"
label = "X"
next = "end-x"
[[cards.steps.choices]]
id = "y"
label = "Y"
next = "end-y"
[[cards.steps]]
id = "end-x"
end = true
text = "X worked because…"
[[cards.steps]]
id = "end-y"
end = true
text = "Y failed because…"
"""


def pack(tmp_path: Path, *, tracks: str = TRACKS, manifest: str = MANIFEST,
         english: str = ENGLISH, extra: dict[str, str] | None = None,
         module: str = "m1") -> Path:
    folder = tmp_path / "modules" / module
    folder.mkdir(parents=True)
    (tmp_path / "tracks.toml").write_text(tracks, encoding="utf-8")
    (folder / "module.toml").write_text(manifest, encoding="utf-8")
    (folder / "en.toml").write_text(english, encoding="utf-8")
    for name, text in (extra or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    return tmp_path


def problems(root: Path) -> list[str]:
    return [str(p) for p in check(root)[1]]


def test_the_real_pack_is_valid() -> None:
    loaded = load(PROJECT_ROOT / "content")
    assert {"risk-assessment", "nonviolent-discipline", "media-engagement",
            "coalition-building"} <= loaded.modules.keys()
    core = loaded.track("core")
    assert core is not None and len(core.modules) == 4
    for module_id in core.modules:
        kinds = {c.kind for c in loaded.modules[module_id].texts["en"].cards}
        assert "scenario" in kinds, f"{module_id} has no scenario drill"
    # No fallback left: every module, term and hub item in all four languages.
    for lang in ("es", "fr", "ar"):
        for module_id, module in loaded.modules.items():
            text, fallback = module.text_for(lang)
            assert not fallback and text.language == lang, (module_id, lang)
        for item_id, item in loaded.library.items():
            assert not item.text_for(lang)[1], (item_id, lang)


def test_a_minimal_pack_is_valid(tmp_path: Path) -> None:
    assert problems(pack(tmp_path)) == []


@pytest.mark.parametrize(("english", "expected"), [
    (ENGLISH.replace('text = "Read this."', f'text = "{"x" * (MAX_CARD_TEXT + 1)}"'),
     "en.toml, card intro: 'text' is 601 characters; at most 600"),
    (ENGLISH.replace('label = "This one"', f'label = "{"L" * 41}"'),
     "card q, choice a: 'label' is 41 characters; at most 40"),
    (ENGLISH.replace("correct = true\n", ""), "card q: a quiz needs a correct answer"),
    (ENGLISH.replace('feedback = "No."', ""), "choice b: every quiz answer needs feedback"),
    (ENGLISH.replace('next = "end-y"', 'next = "nowhere"'),
     "choice y: leads to 'nowhere', which is not a step"),
    (ENGLISH.replace('next = "end-y"', 'next = "end-x"'), "step end-y: no choice leads here"),
    (ENGLISH.replace('start = "s1"', 'start = "s9"'), "start 's9' is not one of its steps"),
    (ENGLISH.replace('kind = "text"', 'kind = "video"'), "kind must be one of"),
    (ENGLISH.replace('id = "intro"', 'id = "Intro Card"'), "card Intro Card: id: 1-24"),
    (ENGLISH.replace('id = "q"', 'id = "intro"'), "the same card id twice"),
    ('title = "A"\nsummary = "B"\n[[cards]]\nid = "a"\nkind = "text"\ntext = "t"\n',
     "1 cards; a module has 3 to 8"),
    ("title = [broken", "not valid TOML"),
])
def test_broken_cards_are_named(tmp_path: Path, english: str, expected: str) -> None:
    found = problems(pack(tmp_path, english=english))
    assert any(expected in p for p in found), found


def test_button_data_must_fit_in_64_bytes(tmp_path: Path) -> None:
    long_ids = ENGLISH.replace('id = "x"', f'id = "{"x" * 24}"').replace(
        'id = "drill"', f'id = "{"d" * 24}"')
    module = "m" * 20
    found = problems(pack(tmp_path, english=long_ids, module=module,
                          tracks=TRACKS.replace('"m1"', f'"{module}"')))
    assert any("button data for choice xxxxxxxxxxxxxxxxxxxxxxxx would be 76 bytes" in p
               for p in found), found


def test_translations_must_match_the_english_structure(tmp_path: Path) -> None:
    spanish = ENGLISH.replace('next = "end-y"', 'next = "end-x"', 1)
    found = problems(pack(tmp_path, manifest='translations = ["en", "es"]\nfallback = "en"\n',
                          extra={"es.toml": spanish}))
    assert any("es.toml: cards, choices or steps differ from en.toml" in p for p in found)


QUIZ = 'text = "Which one?"\n'


def test_a_quiz_may_give_tries_and_translations_inherit_them(tmp_path: Path) -> None:
    two = ENGLISH.replace(QUIZ, QUIZ + "tries = 2\n")
    spanish = ENGLISH.replace("Which one?", "¿Cuál?")  # gives no tries: takes English's
    loaded = load(pack(tmp_path, english=two, extra={"es.toml": spanish},
                       manifest='translations = ["en", "es"]\nfallback = "en"\n'))
    module = loaded.modules["m1"]
    assert [(lang, module.texts[lang].cards[1].attempts) for lang in ("en", "es")] == [
        ("en", 2), ("es", 2)]
    assert module.texts["en"].cards[0].attempts == 1  # not a quiz
    assert load(pack(tmp_path / "plain")).modules["m1"].texts["en"].cards[1].attempts == 1


@pytest.mark.parametrize(("english", "expected"), [
    (ENGLISH.replace(QUIZ, QUIZ + "tries = 0\n"), "card q: 'tries' must be a whole number "
                                                   f"from 1 to {MAX_TRIES}"),
    (ENGLISH.replace(QUIZ, QUIZ + f"tries = {MAX_TRIES + 1}\n"), "'tries' must be a whole"),
    (ENGLISH.replace(QUIZ, QUIZ + 'tries = "2"\n'), "'tries' must be a whole"),
    (ENGLISH.replace(QUIZ, QUIZ + "tries = true\n"), "'tries' must be a whole"),
    (ENGLISH.replace('text = "Read this."', 'text = "Read this."\ntries = 2'),
     "card intro: 'tries' is only for quiz cards"),
])
def test_wrong_tries_are_named(tmp_path: Path, english: str, expected: str) -> None:
    found = problems(pack(tmp_path, english=english))
    assert any(expected in p for p in found), found


def test_a_translation_cannot_change_the_tries(tmp_path: Path) -> None:
    spanish = ENGLISH.replace(QUIZ, QUIZ + "tries = 3\n")
    found = problems(pack(tmp_path, english=ENGLISH.replace(QUIZ, QUIZ + "tries = 2\n"),
                          manifest='translations = ["en", "es"]\nfallback = "en"\n',
                          extra={"es.toml": spanish}))
    assert any("es.toml: cards, choices or steps differ from en.toml" in p and "tries" in p
               for p in found), found


def test_every_language_is_present_or_explicitly_falls_back(tmp_path: Path) -> None:
    found = problems(pack(tmp_path, manifest='translations = ["en"]\n'))
    assert [p for p in found if "no fallback" in p] == [
        f"{tmp_path}/modules/m1/module.toml: no '{lang}' translation and no fallback = \"en\""
        for lang in ("es", "fr", "ar")]


def test_tracks_name_real_modules_and_every_module_has_a_track(tmp_path: Path) -> None:
    root = pack(tmp_path, tracks=TRACKS.replace('["m1"]', '["m2"]'))
    found = problems(root)
    assert any("module 'm2' has no folder" in p for p in found)
    assert any("module 'm1' is in no track" in p for p in found)


def test_load_refuses_a_broken_pack(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        load(pack(tmp_path, english="title = [broken"))
    assert "en.toml" in str(caught.value.problems[0])


def test_content_check_command(tmp_path: Path) -> None:
    good = subprocess.run([str(EXE), "content", "check", "--root", str(pack(tmp_path / "a"))],
                          capture_output=True, text=True, check=False)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "1 modules" in good.stdout and "glossary terms" in good.stdout
    broken = pack(tmp_path / "b", english=ENGLISH.replace("correct = true\n", ""))
    bad = subprocess.run([str(EXE), "content", "check", "--root", str(broken)],
                         capture_output=True, text=True, check=False)
    assert bad.returncode == 1
    assert "a quiz needs a correct answer" in bad.stdout


# -- the glossary and card links ------------------------------------------------------------
GLOSSARY_MANIFEST = 'translations = ["en", "es"]\nfallback = "en"\n'
GLOSSARY_EN = """
[[terms]]
id = "steward"
term = "Steward"
text = "A volunteer who looks after people at an action."

[[terms]]
id = "mutual-aid"
term = "Mutual aid"
text = "Neighbours helping each other directly."
"""
GLOSSARY_ES = """
[[terms]]
id = "steward"
term = "Persona de apoyo"
text = "Una persona voluntaria que cuida a la gente en una acción."
"""
LINKED = ENGLISH.replace('text = "Read this."', 'text = "Read this."\nterms = ["steward"]')


def glossary(root: Path, *, manifest: str = GLOSSARY_MANIFEST, english: str = GLOSSARY_EN,
             extra: dict[str, str] | None = None) -> Path:
    folder = root / "glossary"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "glossary.toml").write_text(manifest, encoding="utf-8")
    (folder / "en.toml").write_text(english, encoding="utf-8")
    for name, text in {"es.toml": GLOSSARY_ES, **(extra or {})}.items():
        (folder / name).write_text(text, encoding="utf-8")
    return root


def test_the_real_glossary_covers_the_modules_words() -> None:
    loaded = load(PROJECT_ROOT / "content")
    terms = loaded.glossary.ids
    assert len(terms) >= 25
    assert {"mutual-aid", "steward", "debrief", "legal-observer"} <= set(terms)
    for lang in ("es", "fr", "ar"):
        assert set(loaded.glossary.terms[lang]) == set(terms), lang  # complete


def test_a_glossary_with_linked_cards_is_valid(tmp_path: Path) -> None:
    root = glossary(pack(tmp_path, english=LINKED))
    assert problems(root) == []
    loaded = load(root)
    card = loaded.modules["m1"].texts["en"].card("intro")
    assert card is not None and card.terms == ("steward",)


@pytest.mark.parametrize(("change", "expected"), [
    ({"english": LINKED.replace('["steward"]', '["stewards"]')},
     "m1/en.toml, card intro: links term 'stewards', which is not in the glossary"),
    ({"english": LINKED.replace('["steward"]', '["a", "b", "c", "d"]')},
     "card intro: 'terms' has 4; at most 3"),
    ({"english": LINKED.replace('["steward"]', '"steward"')},
     "card intro: 'terms' must be a list of ids"),
    ({"glossary": {"manifest": 'translations = ["en", "es"]\n'}},
     "glossary/glossary.toml: no 'fr' translation and no fallback = \"en\""),
    ({"glossary": {"manifest": 'translations = ["en", "es", "fr", "ar"]\n',
                   "extra": {"fr.toml": GLOSSARY_EN, "ar.toml": GLOSSARY_EN}}},
     "glossary/es.toml: term 'mutual-aid' is missing and there is no fallback"),
    ({"glossary": {"extra": {"es.toml": GLOSSARY_ES.replace('"steward"', '"stewart"')}}},
     "glossary/es.toml: term 'stewart' is not in en.toml"),
    ({"glossary": {"english": GLOSSARY_EN.replace("directly.", "directly. " + "x" * 300)}},
     "term mutual-aid: 'text' is 340 characters; at most 320"),
    ({"glossary": {"english": GLOSSARY_EN.replace('"Mutual aid"', '"steward"')}},
     "term mutual-aid: the term 'steward' twice"),
    ({"glossary": {"english": GLOSSARY_EN.replace('id = "steward"', 'id = "Steward!"')}},
     "term Steward!: id: 1-24"),
    ({"glossary": {"extra": {"de.toml": GLOSSARY_ES}}},
     "glossary/de.toml: not listed in glossary.toml translations"),
])
def test_broken_glossaries_and_links_are_named(tmp_path: Path, change: dict[str, Any],
                                               expected: str) -> None:
    root = pack(tmp_path, english=change.get("english", LINKED))
    glossary(root, **change.get("glossary", {}))
    found = problems(root)
    assert any(expected in p for p in found), found


def test_translations_inherit_card_terms_or_must_match(tmp_path: Path) -> None:
    manifest = 'translations = ["en", "es"]\nfallback = "en"\n'
    silent = glossary(pack(tmp_path / "a", english=LINKED, manifest=manifest,
                           extra={"es.toml": ENGLISH}))
    assert problems(silent) == []
    card = load(silent).modules["m1"].texts["es"].card("intro")
    assert card is not None and card.terms == ("steward",)
    other = glossary(pack(tmp_path / "b", english=LINKED, manifest=manifest,
                          extra={"es.toml": LINKED.replace('["steward"]', '["mutual-aid"]')}))
    assert any("es.toml: cards, choices or steps differ from en.toml" in p
               for p in problems(other))


# -- the knowledge hub --------------------------------------------------------------------------
ITEM = """
type = "checklist"
tracks = ["core"]
tags = ["safety"]
fallback = "en"

[en]
title = "A checklist"
summary = "What it is for."
body = "[ ] One thing"

[es]
title = "Una lista"
summary = "Para qué sirve."
body = "[ ] Una cosa"
"""


def item(root: Path, text: str = ITEM, name: str = "a-checklist") -> Path:
    folder = root / "library"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.toml").write_text(text, encoding="utf-8")
    return root


def test_the_real_library_has_starter_items() -> None:
    library = load(PROJECT_ROOT / "content").library
    assert len(library) >= 8
    assert {i.type for i in library.values()} >= {"case-study", "checklist", "template",
                                                   "toolkit", "after-action"}
    assert all("es" in i.texts for i in library.values())


def test_a_library_item_is_valid(tmp_path: Path) -> None:
    root = item(pack(tmp_path))
    assert problems(root) == []
    loaded = load(root).library["a-checklist"]
    assert (loaded.type, loaded.tracks, loaded.tags) == ("checklist", ("core",), ("safety",))
    assert loaded.text_for("fr") == (loaded.texts["en"], True)


@pytest.mark.parametrize(("text", "expected"), [
    (ITEM.replace('"checklist"', '"video"'), "a-checklist.toml: type must be one of"),
    (ITEM.replace('["core"]', '["core", "gardening"]'),
     "a-checklist.toml: track 'gardening' is not in tracks.toml"),
    (ITEM.replace('body = "[ ] One thing"', f'body = "{"x" * 12_001}"'),
     "a-checklist.toml, [en]: the body is 12001 bytes; at most 12000"),
    (ITEM.replace('body = "[ ] Una cosa"', f'body = "{"é" * 6001}"'),
     "[es]: the body is 12002 bytes"),
    (ITEM.replace('fallback = "en"\n', ""),
     "a-checklist.toml: no 'fr' translation and no fallback = \"en\""),
    (ITEM.replace('title = "Una lista"\n', ""), "a-checklist.toml, [es]: 'title' is missing"),
    (ITEM.replace('["safety"]', '["Safety Tips"]'), "'tags': 'Safety Tips' is not an id"),
    (ITEM.replace("[es]", "[de]"), "a-checklist.toml: unknown language 'de'"),
    (ITEM.partition("[en]")[0] + ITEM.partition("[es]")[1] + ITEM.partition("[es]")[2],
     "English is always required"),
    ("type = [", "a-checklist.toml: not valid TOML"),
])
def test_broken_library_items_are_named(tmp_path: Path, text: str, expected: str) -> None:
    found = problems(item(pack(tmp_path), text))
    assert any(expected in p for p in found), found


def test_a_library_file_name_is_its_id(tmp_path: Path) -> None:
    found = problems(item(pack(tmp_path), name="A Checklist"))
    assert any("A Checklist.toml: file name: id: 1-24" in p for p in found), found


def test_content_check_command_names_broken_glossary_and_library_files(tmp_path: Path) -> None:
    root = item(glossary(pack(tmp_path, english=LINKED.replace('["steward"]', '["nope"]'))),
                ITEM.replace('"checklist"', '"video"'))
    bad = subprocess.run([str(EXE), "content", "check", "--root", str(root)],
                         capture_output=True, text=True, check=False)
    assert bad.returncode == 1
    assert f"{root}/library/a-checklist.toml: type must be one of" in bad.stdout
    assert "card intro: links term 'nope', which is not in the glossary" in bad.stdout


def test_fallbacks_are_told_per_language(tmp_path: Path) -> None:
    """An English-only module is what each other language's readers would get in English;
    the real pack has none left (``content check`` prints both)."""
    assert fallbacks(load(pack(tmp_path))) == {lang: ["modules/m1"] for lang in ("es", "fr", "ar")}
    assert fallbacks(load(PROJECT_ROOT / "content")) == {"es": [], "fr": [], "ar": []}

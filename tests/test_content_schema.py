"""Malformed packs: what the schema finds is said like every other problem, with the file and
the place in it by the ids the person wrote, never as a pydantic dump."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bot.content import check
from tests.test_content import ENGLISH, EXE, ITEM, MANIFEST, TRACKS, item, pack

QUIZ = 'text = "Which one?"\n'


def problems(root: Path) -> list[str]:
    return [str(p).removeprefix(f"{root}/") for p in check(root)[1]]


@pytest.mark.parametrize(("english", "expected"), [
    # a wrong type
    (ENGLISH.replace('label = "This one"', "label = 3"),
     "modules/m1/en.toml, card q, choice a: 'label' must be text"),
    (ENGLISH.replace("correct = true", 'correct = "yes"'),
     "modules/m1/en.toml, card q, choice a: 'correct' must be true or false"),
    (ENGLISH.replace('title = "A module"', 'title = ["A module"]'),
     "modules/m1/en.toml: 'title' must be text"),
    ('title = "A"\nsummary = "B"\ncards = [1]\n',
     "modules/m1/en.toml, card #1: a card must be a table"),
    # a missing field
    (ENGLISH.replace('label = "That one"\n', ""),
     "modules/m1/en.toml, card q, choice b: 'label' is missing"),
    (ENGLISH.replace('text = "What now?"\n', ""),
     "modules/m1/en.toml, card drill, step s1: 'text' is missing"),
    (ENGLISH.replace('start = "s1"\n', ""), "modules/m1/en.toml, card drill: 'start' is missing"),
    (ENGLISH.replace('summary = "What it is for."', 'summary = "  "'),
     "modules/m1/en.toml: 'summary' is empty"),
    # the kind of a card
    (ENGLISH.replace('kind = "text"', 'kind = "video"'),
     "modules/m1/en.toml, card intro: kind must be one of text, quiz, reflection, scenario"),
    (ENGLISH.replace('kind = "text"\n', ""), "modules/m1/en.toml, card intro: 'kind' is missing"),
    (ENGLISH.replace('text = "Read this."', 'text = "Read this."\nstart = "s1"'),
     "modules/m1/en.toml, card intro: 'start' is only for scenario cards"),
    (ENGLISH.replace('feedback = "No."', 'feeback = "No."'),
     "modules/m1/en.toml, card q, choice b: unknown key 'feeback' (a typo?)"),
    # branching to a step that is not there
    (ENGLISH.replace('next = "end-y"', 'next = "nowhere"'),
     "modules/m1/en.toml, card drill, step s1, choice y: leads to 'nowhere', which is not a step"),
    (ENGLISH.replace('next = "end-y"\n', ""),
     "modules/m1/en.toml, card drill, step s1, choice y: 'next' is missing"),
])
def test_a_malformed_module_names_the_place(tmp_path: Path, english: str, expected: str) -> None:
    found = problems(pack(tmp_path, english=english))
    assert expected in found, found


def test_a_malformed_translation_names_its_own_file(tmp_path: Path) -> None:
    spanish = ENGLISH.replace(QUIZ, QUIZ + 'tries = "dos"\n')
    found = problems(pack(tmp_path, manifest='translations = ["en", "es"]\nfallback = "en"\n',
                          extra={"es.toml": spanish}))
    assert found == ["modules/m1/es.toml, card q: 'tries' must be a whole number from 1 to 5"]


@pytest.mark.parametrize(("tracks", "manifest", "expected"), [
    (TRACKS.replace('kind = "core"', 'kind = "big"'), MANIFEST,
     "tracks.toml, track core: kind must be one of core, elective, safety"),
    (TRACKS.replace('es = "Básico"', "es = 1"), MANIFEST,
     "tracks.toml, track core: 'title.es' must be text"),
    (TRACKS.replace('["m1"]', '["m1", 2]'), MANIFEST,
     "tracks.toml, track core: 'modules' item 2 must be text"),
    (TRACKS, 'translations = "en"\nfallback = "en"\n',
     "modules/m1/module.toml: 'translations' must be a list"),
])
def test_malformed_tracks_and_manifests_name_the_place(tmp_path: Path, tracks: str,
                                                       manifest: str, expected: str) -> None:
    found = problems(pack(tmp_path, tracks=tracks, manifest=manifest))
    assert expected in found, found


def test_a_malformed_tracks_file_is_not_also_an_empty_one(tmp_path: Path) -> None:
    """Its problems are said once; every module is not also "in no track"."""
    found = problems(pack(tmp_path, tracks=TRACKS.replace('kind = "core"', 'kind = "big"')))
    assert len(found) == 1, found


@pytest.mark.parametrize(("text", "expected"), [
    ("fr = 3\n" + ITEM, "library/a-checklist.toml, [fr]: a language must be a table"),
    (ITEM.replace('body = "[ ] Una cosa"', 'body = "[ ] Una cosa"\nbdy = "x"'),
     "library/a-checklist.toml, [es]: unknown key 'bdy' (a typo?)"),
    (ITEM.replace('["safety"]', '"safety"'),
     "library/a-checklist.toml: 'tags' must be a list of ids"),
    (ITEM.replace('["safety"]', '["safety", "safety"]'),
     "library/a-checklist.toml: 'tags' names the same id twice"),
])
def test_a_malformed_library_item_names_the_place(tmp_path: Path, text: str,
                                                  expected: str) -> None:
    found = problems(item(pack(tmp_path), text))
    assert expected in found, found


def test_content_check_prints_no_pydantic_dump(tmp_path: Path) -> None:
    broken = pack(tmp_path, english=ENGLISH.replace('label = "This one"', "label = 3")
                  .replace('kind = "text"', 'kind = "video"'))
    bad = subprocess.run([str(EXE), "content", "check", "--root", str(broken)],
                         capture_output=True, text=True, check=False)
    assert bad.returncode == 1
    assert bad.stdout.splitlines() == [
        f"{broken}/modules/m1/en.toml, card intro: kind must be one of text, quiz, reflection, "
        "scenario",
        f"{broken}/modules/m1/en.toml, card q, choice a: 'label' must be text"]

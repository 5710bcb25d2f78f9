"""The card player through the core model, on a small pack of our own: tracks, a module's
text, quiz, scenario and reflection cards, progress that survives a restart, stale buttons."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.app import App
from bot.clock import FakeClock
from bot.config import Settings
from handlers.player import MAX_REFLECTION
from storage import assessments, learning
from storage.models import CardResult, ModuleProgress, Participant, Reflection
from tests.chat_driver import ChatDriver
from tests.conftest import ADMIN_ID, build_app
from tests.test_content import ENGLISH, MANIFEST, pack
from tests.test_onboarding import onboard

REFLECTION = """
[[cards]]
id = "think"
kind = "reflection"
text = "What would you do differently?"
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    spanish = (ENGLISH + REFLECTION).replace('title = "A module"', 'title = "Un módulo"')
    return pack(tmp_path / "pack", english=ENGLISH + REFLECTION,
                manifest='translations = ["en", "es"]\nfallback = "en"\n',
                extra={"es.toml": spanish})


@pytest.fixture
async def app(settings: Settings, clock: FakeClock, content: Path) -> AsyncIterator[App]:
    application = build_app(settings.model_copy(update={"content_dir": content}), clock=clock)
    await application.start()
    yield application
    await application.close()


async def start_module(chat: ChatDriver, answers: str = "yyyy") -> None:
    await onboard(chat, ChatDriver(chat.app, ADMIN_ID), answers=answers)
    await chat.send("/tracks")
    await chat.press("Core")
    await chat.press("A module")


async def rows(app: App, model: type) -> list:  # type: ignore[type-arg]
    async with app.sessions() as session:
        return list((await session.scalars(select(model))).all())


async def test_a_whole_module(app: App, chat: ChatDriver) -> None:
    await start_module(chat)
    assert chat.text.startswith(chat.t("en", "learn-card-head", title="A module", number=1,
                                       total=4))
    assert "Read this." in chat.text
    await chat.press(chat.t("en", "learn-next"))
    assert "Which one?" in chat.text
    await chat.press("That one")  # wrong: feedback, then Next
    assert chat.t("en", "learn-not-quite") in chat.text and "No." in chat.text
    assert [r.edit for r in chat.last.replies] == [True]
    again = await chat.press_data("1:ans:m1:q:a")
    assert again.toast == chat.t("en", "learn-already-answered")
    await chat.press(chat.t("en", "learn-next"))
    assert "What now?" in chat.text
    await chat.press("Y")
    assert "Y failed because" in chat.text
    await chat.press(chat.t("en", "learn-next"))
    assert "What would you do differently?" in chat.text
    await chat.send("I would talk to the neighbours first.")
    assert chat.texts[0] == chat.t("en", "learn-reflection-kept")
    assert chat.texts[1] == "\n".join((  # the only module of the pack: no next one
        chat.t("en", "learn-module-done", title="A module"),
        chat.t("en", "learn-score", right=0, total=1), chat.t("en", "learn-all-done")))
    [progress] = await rows(app, ModuleProgress)
    assert progress.completed_at is not None
    results = await rows(app, CardResult)
    assert [(r.card_id, r.choice_id, r.correct) for r in results] == [
        ("q", "b", False), ("drill", "y", None)]
    [kept] = await rows(app, Reflection)
    assert kept.text == "I would talk to the neighbours first."


async def test_without_the_progress_consent_learning_explains_and_keeps_nothing(
        app: App, chat: ChatDriver) -> None:
    await onboard(chat, ChatDriver(chat.app, ADMIN_ID), answers="nyyy")
    closed = chat.t("en", "learn-no-consent")
    allow = chat.t("en", "consent-give", question=chat.t("en", "consent-progress-short"))
    for command in ("/tracks", "/continue", "/progress"):
        await chat.send(command)
        assert chat.texts == [closed], command
        assert chat.labels() == [allow], command
    await chat.press(chat.t("en", "menu-learn"))
    assert chat.texts == [closed]
    # Buttons from before (a card, a track, a module, an answer) answer the same, in place.
    for data in ("1:trks", "1:trk:core", "1:mod:m1", "1:nx:m1:intro", "1:ans:m1:q:a"):
        outcome = await chat.press_data(data)
        assert [(r.text, r.edit) for r in outcome.replies] == [(closed, True)], data
    assert await rows(app, ModuleProgress) == [] and await rows(app, CardResult) == []
    await chat.send("/offline")  # keeps nothing, so it stays open
    assert chat.texts == [chat.t("en", "offline-choose-track")]

    await chat.send("/tracks")
    outcome = await chat.press(allow)  # one tap gives it, and says so
    assert outcome.toast == chat.t("en", "consent-toast-given")
    await chat.send("/tracks")
    await chat.press("Core")
    await chat.press("A module")
    assert "Read this." in chat.text
    assert len(await rows(app, ModuleProgress)) == 1


async def test_an_overlong_reflection_is_refused_and_nothing_is_lost(app: App,
                                                                    chat: ChatDriver) -> None:
    await start_module(chat)
    await chat.press(chat.t("en", "learn-next"))
    await chat.press("This one")
    await chat.press(chat.t("en", "learn-next"))
    await chat.press("X")
    await chat.press(chat.t("en", "learn-next"))
    await chat.send("x" * 5000)
    assert chat.texts[0] == chat.t("en", "text-too-long")
    assert "What would you do differently?" in chat.texts[1]
    [progress] = await rows(app, ModuleProgress)
    assert progress.card_id == "think"


async def test_continue_after_a_restart(app: App, chat: ChatDriver, settings: Settings,
                                        clock: FakeClock, content: Path) -> None:
    await start_module(chat)
    await chat.press(chat.t("en", "learn-next"))
    await chat.send("/menu")
    assert chat.texts == [chat.t("en", "menu-title")]
    # A new process on the same database.
    again = build_app(settings.model_copy(update={"content_dir": content}), clock=clock)
    await again.start()
    resumed = ChatDriver(again, chat.user_id, update_id=chat.update_id,
                         message_id=chat.message_id)
    await resumed.send("/continue")
    assert "Which one?" in resumed.text
    await again.close()


async def test_stale_and_forged_learning_buttons(app: App, chat: ChatDriver) -> None:
    await start_module(chat)
    await chat.press(chat.t("en", "learn-next"))
    # The very button just pressed, again on the same message: a double tap.
    assert (await chat.press_data("1:nx:m1:intro")).toast == chat.t("en", "button-already-done")
    for data in ("1:nx:m1:intro", "1:ans:m1:drill:x", "1:nx:m1:q"):  # not where they stand
        outcome = await chat.press_data(data, message_id=1)
        assert outcome.toast == chat.t("en", "button-stale"), data
        assert "Which one?" in chat.text
    for data in ("1:mod:nope", "1:trk:nope", "1:ans:m1:q:zz", "1:nx:m1"):
        outcome = await chat.press_data(data)
        assert outcome.toast == chat.t("en", "button-unknown"), data
    outcome = await chat.press_data("1:nx:gone:intro")  # a module no longer in the pack
    assert outcome.toast == chat.t("en", "button-stale")


async def test_spanish_content_and_english_fallback(app: App) -> None:
    admin = ChatDriver(app, ADMIN_ID)
    for lang, title, marked in (("es", "Un módulo", False), ("fr", "A module", True)):
        chat = ChatDriver(app, 8000 + len(lang) + ord(lang[0]), language_code=lang)
        await onboard_in(chat, admin, lang)
        await chat.send("/tracks")
        await chat.press(app.deps.content.tracks[0].titles[lang])
        await chat.press(title)
        assert chat.text.startswith(title)
        assert (chat.t(lang, "learn-in-english") in chat.text.splitlines()[0]) is marked


async def onboard_in(chat: ChatDriver, admin: ChatDriver, lang: str) -> None:
    from tests.test_onboarding import make_invite

    await chat.send(f"/start {await make_invite(admin, f'X {chat.user_id}')}")
    await chat.press(chat.t(lang, "language-name"))
    for _ in range(4):
        await chat.press(chat.t(lang, "consent-yes"))
    await chat.press(chat.t(lang, "coc-accept"))
    await chat.press(chat.t(lang, "region-africa"))
    await chat.press("Nairobi")
    await chat.press(chat.t(lang, "quiet-keep", start="21:00", end="08:00"))


async def test_progress_shows_a_bar_per_track(app: App, chat: ChatDriver) -> None:
    await start_module(chat)
    await chat.press(chat.t("en", "learn-next"))  # 1 of 4 cards behind
    await chat.send("/progress")
    assert chat.text.startswith(chat.t("en", "progress-title"))
    assert chat.t("en", "progress-track", track="Core", bar="▓▓▓░░░░░░░", percent=25, done=0,
                  total=1) in chat.text


async def test_offline_module_as_a_small_text_document(app: App, chat: ChatDriver) -> None:
    await start_module(chat)
    await chat.send("/offline")
    await chat.press("Core")
    labels = chat.labels()
    assert labels[0].startswith("A module (") and labels[0].endswith(" B)")
    outcome = await chat.press("A module")
    [reply] = outcome.replies
    assert reply.document is not None
    assert reply.document.filename == "m1-en.txt"
    body = reply.document.content.decode()
    assert f"({len(reply.document.content)} B)" in labels[0]  # the size shown is the size sent
    for part in ("Read this.", "Which one?", "This one", "Yes.", "Y failed because",
                 "What would you do differently?", chat.t("en", "offline-correct")):
        assert part in body


async def test_mydata_says_what_the_progress_consent_keeps_and_withdrawing_empties_it(
        app: App, chat: ChatDriver) -> None:
    await start_module(chat)
    await chat.press(chat.t("en", "learn-next"))
    await chat.press("This one")
    await chat.send("/mydata")
    kept = [chat.t("en", "privacy-summary-line-kept", kind=chat.t("en", f"privacy-kind-{kind}"),
                   count=1, consent=chat.t("en", "consent-progress-short"))
            for kind in ("module_progress", "card_results")]
    assert all(line in chat.text for line in kept), chat.text
    await chat.send("/consent")
    await chat.press(chat.t("en", "consent-withdraw",
                            question=chat.t("en", "consent-progress-short")))
    await chat.send("/mydata")
    for kind in ("module_progress", "card_results"):
        assert chat.t("en", f"privacy-kind-{kind}") not in chat.text


# -- tries, the module's end, what comes next, Back ------------------------------------------
TWO_TRACKS = """
[[tracks]]
id = "core"
kind = "core"
modules = ["m1", "m2"]
title = { en = "Core", es = "Básico", fr = "Base", ar = "أساسي" }

[[tracks]]
id = "more"
kind = "elective"
modules = ["m3"]
title = { en = "More", es = "Más", fr = "Plus", ar = "المزيد" }
"""
TWO_TRIES = ENGLISH.replace('text = "Which one?"\n', 'text = "Which one?"\ntries = 2\n')


def paths_pack(root: Path) -> Path:
    """Two tracks: Core (m1, whose quiz takes two tries, then m2) and More (m3)."""
    pack(root, tracks=TWO_TRACKS, english=TWO_TRIES + REFLECTION)
    for module_id, title in (("m2", "Second module"), ("m3", "Third module")):
        folder = root / "modules" / module_id
        folder.mkdir()
        (folder / "module.toml").write_text(MANIFEST, encoding="utf-8")
        (folder / "en.toml").write_text(ENGLISH.replace("A module", title), encoding="utf-8")
    return root


@pytest.fixture
async def paths(settings: Settings, clock: FakeClock, tmp_path: Path) -> AsyncIterator[App]:
    application = build_app(settings.model_copy(
        update={"content_dir": paths_pack(tmp_path / "pack")}), clock=clock)
    await application.start()
    yield application
    await application.close()


async def recommend_track(app: App, user_id: int, track_id: str) -> None:
    """As if the person's needs assessment had recommended ``track_id``."""
    async with app.sessions() as session:
        me = await session.scalar(select(Participant).where(Participant.telegram_id == user_id))
        assert me is not None
        await assessments.save(session, me.id, {}, note=None, recommended_track=track_id,
                               now=app.deps.clock.now())
        await session.commit()


async def test_a_wrong_answer_can_be_tried_again_while_tries_are_left(paths: App) -> None:
    chat = ChatDriver(paths, 5001)
    await start_module(chat)
    await chat.press(chat.t("en", "learn-next"))
    await chat.press("That one")  # wrong, one try left: its feedback, and Try again
    assert chat.t("en", "learn-not-quite") in chat.text and "No." in chat.text
    assert chat.t("en", "learn-tries-left", left=1) in chat.text
    assert chat.labels() == [chat.t("en", "learn-try-again"), chat.t("en", "learn-back")]
    await chat.press(chat.t("en", "learn-try-again"))
    assert "Which one?" in chat.text and {"This one", "That one"} <= set(chat.labels())
    await chat.press("That one")  # wrong again, no try left: as before, feedback and Next
    assert chat.t("en", "learn-not-quite") in chat.text
    assert chat.t("en", "learn-tries-left", left=1) not in chat.text
    assert chat.labels() == [chat.t("en", "learn-next")]
    assert (await chat.press_data("1:rt:m1:q")).toast == chat.t("en", "button-stale")
    results = await rows(paths, CardResult)
    assert [(r.choice_id, r.correct, r.step_id) for r in results] == [
        ("b", False, ""), ("b", False, "try2")]


async def test_the_module_ends_with_its_score_and_the_next_module(paths: App) -> None:
    chat = ChatDriver(paths, 5001)
    await start_module(chat)
    await chat.press(chat.t("en", "learn-next"))
    await chat.press("That one")
    await chat.press(chat.t("en", "learn-try-again"))
    await chat.press("This one")  # right, but at the second try: not in the score
    assert chat.t("en", "learn-right") in chat.text
    await chat.press(chat.t("en", "learn-next"))
    await chat.press("X")
    await chat.press(chat.t("en", "learn-next"))
    await chat.press(chat.t("en", "learn-skip"))
    assert chat.text == "\n".join((chat.t("en", "learn-module-done", title="A module"),
                                   chat.t("en", "learn-score", right=0, total=1)))
    following = chat.t("en", "learn-next-module", title="Second module")
    assert chat.labels() == [following, chat.t("en", "learn-all-tracks")]
    await chat.press(following)  # the next module of their track
    assert chat.text.startswith(chat.t("en", "learn-card-head", title="Second module",
                                       number=1, total=3))
    await chat.press(chat.t("en", "learn-next"))
    await chat.press("This one")  # right at the first try
    await chat.press(chat.t("en", "learn-next"))
    await chat.press("Y")
    await chat.press(chat.t("en", "learn-finish"))
    assert chat.t("en", "learn-score", right=1, total=1) in chat.text
    # Their track is done: on to the next track's module.
    assert chat.labels()[0] == chat.t("en", "learn-next-module", title="Third module")


async def test_continue_with_nothing_open_suggests_the_recommended_tracks_next_module(
        paths: App) -> None:
    chat = ChatDriver(paths, 5001)
    await onboard(chat, ChatDriver(paths, ADMIN_ID))
    await recommend_track(paths, 5001, "more")
    await chat.send("/continue")
    assert chat.texts == ["\n\n".join((chat.t("en", "learn-nothing-to-continue"), chat.t(
        "en", "learn-suggest", track="More", title="Third module")))]
    offer = chat.t("en", "learn-next-module", title="Third module")
    assert chat.labels() == [offer, chat.t("en", "learn-all-tracks")]
    await chat.press(offer)
    assert "Third module" in chat.text and "Read this." in chat.text
    await chat.send("/continue")  # now it is open: back to where they are
    assert "Read this." in chat.text


async def test_continue_when_every_module_is_finished(paths: App) -> None:
    chat = ChatDriver(paths, 5001)
    await onboard(chat, ChatDriver(paths, ADMIN_ID))
    async with paths.sessions() as session:
        me = await session.scalar(select(Participant).where(Participant.telegram_id == 5001))
        assert me is not None
        for module_id in ("m1", "m2", "m3"):
            row = await learning.start(session, me.id, module_id, "intro", paths.deps.clock.now())
            row.completed_at = row.started_at
        await session.commit()
    await chat.send("/continue")
    [reply] = chat.last.replies
    assert reply.text.startswith(" ".join((chat.t("en", "learn-nothing-to-continue"),
                                           chat.t("en", "learn-all-done"))))
    assert chat.t("en", "learn-tracks") in reply.text
    assert chat.labels() == ["Core · 2/2", "More · 1/1"]


async def test_tracks_star_the_recommended_one_and_count_finished_modules(paths: App) -> None:
    chat = ChatDriver(paths, 5001)
    await start_module(chat)
    await chat.send("/tracks")
    assert chat.texts == [chat.t("en", "learn-tracks")]  # no assessment yet: no star
    assert chat.labels() == [chat.t("en", "learn-track-label", track="Core", done=0, total=2),
                             chat.t("en", "learn-track-label", track="More", done=0, total=1)]
    await recommend_track(paths, 5001, "more")
    await chat.send("/continue")
    for label in (chat.t("en", "learn-next"), "This one", chat.t("en", "learn-next"), "X",
                  chat.t("en", "learn-next"), chat.t("en", "learn-skip")):
        await chat.press(label)
    await chat.send("/tracks")
    assert chat.texts == [f"{chat.t('en', 'learn-tracks')}\n{chat.t('en', 'learn-tracks-star')}"]
    assert chat.labels() == ["Core · 1/2", "★ More · 0/1"]


async def test_back_shows_the_cards_passed_and_loses_nothing(paths: App) -> None:
    chat = ChatDriver(paths, 5001)
    await start_module(chat)
    back, forward = chat.t("en", "learn-back"), chat.t("en", "learn-next")
    assert chat.labels() == [forward, back]
    await chat.press(forward)
    # Back's data naming a card not reached yet opens nothing.
    assert (await chat.press_data("1:vw:m1:drill")).toast == chat.t("en", "button-stale")
    for label in ("This one", forward, "X"):
        await chat.press(label)
    assert "X worked because" in chat.text
    assert chat.labels() == [forward]  # a drill runs forward: Back is on the next card
    await chat.press(forward)
    assert "What would you do differently?" in chat.text
    await chat.press(back)  # the drill, with the debrief they reached
    assert chat.text == "3/4\n\nX worked because…"
    assert chat.labels() == [forward, back]
    await chat.press(back)  # the quiz, with the answer given
    assert chat.text == f"2/4\n\nWhich one?\n\n{chat.t('en', 'learn-right')} Yes."
    await chat.press(back)
    assert "Read this." in chat.text
    await chat.press(back)  # before the first card: the module's track
    assert chat.text == chat.t("en", "learn-track", track="Core")
    await chat.press("A module")  # the module again: where they stood
    assert chat.text.startswith("A module · 4/4") and "What would you do" in chat.text
    await chat.press(back)
    await chat.press(back)
    assert "Which one?" in chat.text
    await chat.press(forward)
    await chat.press(forward)  # forward again, to where they stood
    assert "What would you do differently?" in chat.text
    [progress] = await rows(paths, ModuleProgress)
    assert progress.card_id == "think" and progress.completed_at is None
    assert len(await rows(paths, CardResult)) == 2  # nothing answered again
    await chat.send("/progress")  # three cards of four behind them, as before Back
    assert chat.t("en", "progress-track", track="Core", bar="▓▓▓▓░░░░░░", percent=43, done=0,
                  total=2) in chat.text


async def test_the_reflection_says_its_limit_and_asks_about_a_bare_number(
        app: App, chat: ChatDriver) -> None:
    await start_module(chat)
    for label in (chat.t("en", "learn-next"), "This one", chat.t("en", "learn-next"), "X",
                  chat.t("en", "learn-next")):
        await chat.press(label)
    hint = chat.t("en", "learn-reflect-hint", max=MAX_REFLECTION)
    assert hint in chat.text and "2,000" in hint
    await chat.send("1")  # Skip, pressed by its number? Not kept until they say so
    assert chat.texts == [chat.t("en", "typed-number-ask", number="1")]
    keep = chat.t("en", "typed-number-keep")
    assert chat.labels() == [keep, chat.t("en", "learn-skip")]
    assert await rows(app, Reflection) == []
    await chat.press(keep)
    assert chat.texts[0] == chat.t("en", "learn-reflection-kept")
    assert chat.texts[1].startswith(chat.t("en", "learn-module-done", title="A module"))
    [kept] = await rows(app, Reflection)
    assert kept.text == "1"


async def test_a_bare_number_then_skip_keeps_nothing(app: App, chat: ChatDriver) -> None:
    await start_module(chat)
    for label in (chat.t("en", "learn-next"), "This one", chat.t("en", "learn-next"), "X",
                  chat.t("en", "learn-next")):
        await chat.press(label)
    await chat.send("2")
    await chat.press(chat.t("en", "learn-skip"))
    assert chat.text.startswith(chat.t("en", "learn-module-done", title="A module"))
    assert await rows(app, Reflection) == []
    # The question's Keep button, pressed late, finds the module finished.
    assert (await chat.press_data("1:rk:m1:think:2")).toast == chat.t("en", "button-stale")

"""The needs assessment through the core model: questions of every kind, the recommendation
and its reason, retakes kept for before/after, the note under consent, stale answers."""

from __future__ import annotations

from sqlalchemy import select

from bot.app import App
from handlers.assessment import MAX_NOTE, recommend
from handlers.assessment_questions import QUESTIONS
from storage.models import Assessment, Participant
from tests.chat_driver import ChatDriver
from tests.test_onboarding import onboard


async def take(chat: ChatDriver, *, focus: str = "housing", safety: str = "yes",
               ratings: str = "3443", note: str | None = "Help with press work") -> None:
    t = chat.t
    await chat.send("/assessment")
    await chat.press(t("en", "assess-start"))
    await chat.press(t("en", "assess-role-organiser"))
    await chat.press(t("en", f"assess-focus-{focus}"))
    await chat.press(t("en", "assess-experience-1to3"))
    await chat.press(t("en", f"assess-safety-{safety}"))
    await chat.press(t("en", "assess-resources-legal"))
    await chat.press(t("en", "assess-resources-media"))
    await chat.press(t("en", "assess-resources-legal"))  # changed their mind
    await chat.press(t("en", "assess-done"))
    for rating in ratings:
        message_id, button = chat.find(rating)
        await chat.press_data(button.data, message_id)
    if note is None:
        await chat.press(t("en", "learn-skip"))
    else:
        await chat.send(note)


async def saved(app: App) -> list[Assessment]:
    async with app.sessions() as session:
        return list((await session.scalars(select(Assessment).order_by(Assessment.id))).all())


async def test_recommends_by_the_gap_that_matters_most() -> None:
    base = {"focus": "housing", "safety": "yes", "rate-risk": 3, "rate-nv": 4,
            "rate-media": 4, "rate-coalition": 3}
    assert recommend(base)[0] == "housing-justice"
    assert recommend({**base, "safety": "no"})[0] == "safety-legal"
    assert recommend({**base, "rate-media": 1})[:2] == ("core", "assess-reason-skill")
    assert recommend({**base, "focus": "other"})[0] == "core"


async def test_whole_assessment_and_its_recommendation(app: App, chat: ChatDriver,
                                                      admin: ChatDriver) -> None:
    await onboard(chat, admin)
    await take(chat)
    housing = app.deps.content.track("housing-justice")
    assert housing is not None
    assert chat.text == chat.t("en", "assess-recommend", track=housing.titles["en"],
                               reason=chat.t("en", "assess-reason-focus"))
    [row] = await saved(app)
    assert row.answers == {"role": "organiser", "focus": "housing", "experience": "1to3",
                           "safety": "yes", "resources": ["media"], "rate-risk": 3,
                           "rate-nv": 4, "rate-media": 4, "rate-coalition": 3}
    assert (row.note, row.recommended_track) == ("Help with press work", "housing-justice")
    await chat.press(chat.t("en", "assess-follow"))
    async with app.sessions() as session:
        me = await session.scalar(select(Participant).where(Participant.telegram_id == 5001))
    assert me is not None and (me.track_id, me.step) == ("housing-justice", "menu")


async def test_retake_keeps_the_earlier_answers(app: App, chat: ChatDriver,
                                                admin: ChatDriver) -> None:
    await onboard(chat, admin)
    await take(chat, ratings="2222", note=None)
    await take(chat, ratings="4545", safety="no", note=None)
    first, second = await saved(app)
    assert (first.answers["rate-risk"], second.answers["rate-risk"]) == (2, 4)
    assert (first.recommended_track, second.recommended_track) == ("core", "safety-legal")


async def test_the_note_is_kept_only_under_consent(app: App, chat: ChatDriver,
                                                   admin: ChatDriver) -> None:
    await onboard(chat, admin, answers="nnnn")
    await take(chat, note="private")
    [row] = await saved(app)
    assert row.note is None
    assert chat.t("en", "assess-note-not-kept") in chat.text


async def test_stale_forged_and_typed_answers(app: App, chat: ChatDriver,
                                              admin: ChatDriver) -> None:
    await onboard(chat, admin)
    await chat.send("/assessment")
    await chat.press(chat.t("en", "assess-start"))
    question = chat.text
    await chat.send("organiser")
    assert chat.texts == [chat.t("en", "use-buttons"), question]
    await chat.press(chat.t("en", "assess-role-trainer"))
    stale = await chat.press_data("1:as:role:new", message_id=1)  # the question they left
    assert stale.toast == chat.t("en", "button-stale")
    for data in ("1:as:focus:mars", "1:as:nothing:x", "1:as:focus", "1:asm:soon"):
        assert (await chat.press_data(data, message_id=1)).toast == \
            chat.t("en", "button-unknown"), data
    assert len(QUESTIONS) == 10


async def test_back_goes_to_the_previous_question_and_keeps_the_answers(
        app: App, chat: ChatDriver, admin: ChatDriver) -> None:
    t = chat.t
    await onboard(chat, admin)
    await chat.send("/assessment")
    await chat.press(t("en", "assess-start"))
    await chat.press(t("en", "assess-role-organiser"))
    await chat.press(t("en", "assess-focus-housing"))
    assert chat.text.startswith(t("en", "assess-head", number=3, total=10))
    await chat.press(t("en", "learn-back"))
    assert chat.text.startswith(t("en", "assess-head", number=2, total=10))
    assert "✓ " + t("en", "assess-focus-housing") in chat.labels()  # the answer given
    await chat.press(t("en", "learn-back"))
    await chat.press(t("en", "learn-back"))  # before the first question: the introduction
    assert chat.text == t("en", "assess-intro", total=10)
    await chat.press(t("en", "assess-start"))
    assert "✓ " + t("en", "assess-role-organiser") in chat.labels()  # still there
    await chat.press(t("en", "assess-role-trainer"))  # changed
    await chat.press(t("en", "assess-focus-housing"))  # ticked, pressed again: kept
    for answer in ("assess-experience-1to3", "assess-safety-yes", "assess-done"):
        await chat.press(t("en", answer))
    for rating in "3443":
        message_id, button = chat.find(rating)
        await chat.press_data(button.data, message_id)
    await chat.press(t("en", "learn-back"))  # from the note to the last rating: 3 shown
    assert "✓ 3" in chat.labels()
    await chat.press("5")
    await chat.press(t("en", "learn-skip"))
    [row] = await saved(app)
    assert row.answers == {"role": "trainer", "focus": "housing", "experience": "1to3",
                           "safety": "yes", "resources": [], "rate-risk": 3, "rate-nv": 4,
                           "rate-media": 4, "rate-coalition": 5}
    assert (await chat.press_data("1:asb:focus", message_id=1)).toast == \
        t("en", "button-stale")


async def test_the_note_says_its_limit_and_a_bare_number_is_asked_about(
        app: App, chat: ChatDriver, admin: ChatDriver) -> None:
    await onboard(chat, admin)
    await take(chat, note="2")  # a number: was it the answer, or a button's number?
    hint = chat.t("en", "assess-note-hint", max=MAX_NOTE)
    assert "1,000" in hint and any(hint in r.text for r in chat.screen.values())
    assert chat.texts == [chat.t("en", "typed-number-ask", number="2")]
    assert await saved(app) == []
    await chat.press(chat.t("en", "typed-number-keep"))
    [row] = await saved(app)
    assert row.note == "2"
    assert chat.text.startswith(chat.t("en", "assess-recommend", track="Housing justice",
                                       reason=chat.t("en", "assess-reason-focus")))
    await take(chat, note="1")
    await chat.press(chat.t("en", "learn-skip"))
    assert [r.note for r in await saved(app)] == ["2", None]

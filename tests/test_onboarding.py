"""Onboarding through the core model (no framework): join, language, consent, code of
conduct, region, time zone, quiet hours, menu."""

from __future__ import annotations

import re

from sqlalchemy import select

from bot.app import App
from handlers.consent import POLICY_VERSION, PURPOSES
from storage.models import ConsentEvent, Participant
from tests.chat_driver import ChatDriver


async def make_invite(admin: ChatDriver, name: str = "Nairobi Exchange") -> str:
    await admin.send(f"/newexchange {name} 2026-03-02 2026-03-06")
    slug = re.search(r"/invite (\S+)", admin.text)
    assert slug, admin.text
    await admin.send(f"/invite {slug.group(1)}")
    code = re.search(r"/start (\S+)", admin.text)  # no bot username here: the local form
    assert code, admin.text
    return code.group(1)


async def participant(app: App, user_id: int) -> Participant:
    async with app.sessions() as session:
        found = await session.scalar(select(Participant).where(Participant.telegram_id == user_id))
    assert found is not None
    return found


async def onboard(chat: ChatDriver, admin: ChatDriver, answers: str = "yyyy") -> str:
    """Through onboarding to the main menu; returns the text that closed onboarding."""
    await chat.send(f"/start {await make_invite(admin)}")
    await chat.press("English")
    for answer in answers:
        await chat.press(chat.t("en", "consent-yes" if answer == "y" else "consent-no"))
    await chat.press(chat.t("en", "coc-accept"))
    await chat.press(chat.t("en", "region-africa"))
    await chat.press("Nairobi")
    await chat.press(chat.t("en", "quiet-keep", start="21:00", end="08:00"))
    offer = chat.text
    assert chat.t("en", "assess-intro", total=10) in offer
    await chat.press(chat.t("en", "assess-later"))  # the assessment can wait
    return offer


async def test_full_onboarding_reaches_menu(app: App, chat: ChatDriver, admin: ChatDriver) -> None:
    offer = await onboard(chat, admin, answers="ynyn")
    assert chat.text == chat.t("en", "menu-title")
    assert chat.t("en", "onb-done", zone="Africa/Nairobi", start="21:00", end="08:00") in offer
    me = await participant(app, chat.user_id)
    assert (me.step, me.region, me.timezone) == ("menu", "africa", "Africa/Nairobi")
    assert (me.quiet_start, me.quiet_end) == (21 * 60, 8 * 60)
    assert me.coc_accepted_at is not None and me.onboarded_at is not None
    async with app.sessions() as session:
        rows = (await session.scalars(select(ConsentEvent).order_by(ConsentEvent.id))).all()
    assert [(r.purpose, r.granted) for r in rows] == list(zip(PURPOSES, [True, False, True,
                                                                         False], strict=True))
    assert {r.policy_version for r in rows} == {POLICY_VERSION}


async def test_navigation_edits_the_card_in_place(chat: ChatDriver, admin: ChatDriver) -> None:
    await chat.send(f"/start {await make_invite(admin)}")
    outcome = await chat.press("English")
    assert [r.edit for r in outcome.replies] == [True]
    assert outcome.toast == chat.t("en", "language-set")


async def test_plain_start_explains_how_to_join(chat: ChatDriver) -> None:
    await chat.send("/start")
    assert chat.text == chat.t("en", "join-how")


async def test_unknown_invite_is_refused_kindly(chat: ChatDriver) -> None:
    for code in ("NoSuchCode12", "../../etc", "x" * 200, "' OR 1=1 --"):
        await chat.send(f"/start {code}")
        assert chat.text == chat.t("en", "join-invalid")


async def test_telegram_language_is_preselected(app: App, admin: ChatDriver) -> None:
    chat = ChatDriver(app, user_id=7007, language_code="es-419")
    await chat.send(f"/start {await make_invite(admin)}")
    assert chat.text == chat.t("es", "onb-language", exchange="Nairobi Exchange")
    assert f"✓ {chat.t('es', 'language-name')}" in chat.labels()
    await chat.press(chat.t("fr", "language-name"))
    # The first consent question comes after the plain word on what is kept, and how.
    assert chat.text == chat.t("fr", "privacy-notice") + "\n\n" + chat.t(
        "fr", "consent-question", number=1, total=4, question=chat.t("fr", "consent-progress"),
        reason=chat.t("fr", "consent-progress-why"))
    assert (await participant(app, 7007)).language == "fr"


async def test_unsupported_language_code_falls_back_to_english(app: App,
                                                               admin: ChatDriver) -> None:
    chat = ChatDriver(app, user_id=7008, language_code="de")
    await chat.send(f"/start {await make_invite(admin)}")
    assert f"✓ {chat.t('en', 'language-name')}" in chat.labels()


async def test_declining_the_code_of_conduct_keeps_the_door_open(
        chat: ChatDriver, admin: ChatDriver) -> None:
    await chat.send(f"/start {await make_invite(admin)}")
    await chat.press("English")
    for _ in PURPOSES:
        await chat.press(chat.t("en", "consent-yes"))
    await chat.press(chat.t("en", "coc-decline"))
    assert chat.text == chat.t("en", "coc-declined")
    await chat.press(chat.t("en", "coc-accept"))
    assert chat.text == chat.t("en", "onb-region")


async def test_time_zone_by_city_offset_or_unknown(app: App, chat: ChatDriver,
                                                   admin: ChatDriver) -> None:
    await chat.send(f"/start {await make_invite(admin)}")
    await chat.press("English")
    for _ in PURPOSES:
        await chat.press(chat.t("en", "consent-no"))
    await chat.press(chat.t("en", "coc-accept"))
    await chat.press(chat.t("en", "region-latam"))
    await chat.send("Atlantis")
    assert chat.texts[0] == chat.t("en", "timezone-unknown")
    assert chat.texts[1] == chat.t("en", "onb-timezone")
    await chat.send("UTC+05:30")
    assert (await participant(app, chat.user_id)).timezone == "UTC+05:30"
    assert chat.text.startswith(chat.t(  # 09:00 UTC on the test clock, as English writes it
        "en", "timezone-set", zone="UTC+05:30", offset="UTC+5:30", time="2:30\u202fpm"))
    await chat.send("late at night")
    assert chat.texts[0].startswith(chat.t("en", "quiet-unknown"))
    await chat.send("22:30-06:45")
    me = await participant(app, chat.user_id)
    assert (me.quiet_start, me.quiet_end, me.step) == (22 * 60 + 30, 6 * 60 + 45, "menu")


async def test_consent_command_changes_one_decision(app: App, chat: ChatDriver,
                                                    admin: ChatDriver) -> None:
    await onboard(chat, admin, answers="yyyy")
    await chat.send("/consent")
    outcome = await chat.press("store my progress")
    assert outcome.toast == chat.t("en", "consent-toast-withdrawn")
    assert outcome.replies[0].edit
    async with app.sessions() as session:
        rows = (await session.scalars(select(ConsentEvent).order_by(ConsentEvent.id))).all()
    assert [(r.purpose, r.granted) for r in rows[-1:]] == [("progress", False)]
    assert len(rows) == 5
    # … and give it back as easily.
    await chat.press(chat.t("en", "consent-give", question=chat.t("en", "consent-progress-short")))
    async with app.sessions() as session:
        latest = (await session.scalars(select(ConsentEvent).order_by(ConsentEvent.id))).all()
    assert [(r.purpose, r.granted) for r in latest[-1:]] == [("progress", True)]


async def test_commands_work_mid_onboarding(chat: ChatDriver, admin: ChatDriver) -> None:
    await chat.send(f"/start {await make_invite(admin)}")
    await chat.press("English")
    consent_prompt = chat.text
    await chat.send("/help")
    assert chat.texts == [chat.t("en", "help-text"), consent_prompt]
    await chat.send("/menu")
    assert chat.texts == [chat.t("en", "menu-finish-setup"), consent_prompt]
    await chat.send("/consent")
    assert chat.t("en", "consent-overview-title") in chat.text
    await chat.send("/language")
    await chat.press("Español")
    # back to the consent question, now in Spanish
    assert chat.text.startswith(chat.t("es", "privacy-notice"))
    await chat.send("/start")
    assert chat.texts[0] == chat.t("es", "welcome-back")


async def test_menu_leads_to_profile_and_back(app: App, chat: ChatDriver,
                                              admin: ChatDriver) -> None:
    await onboard(chat, admin)
    await chat.press(chat.t("en", "menu-profile"))
    await chat.press(chat.t("en", "region-europe"))
    await chat.press("Berlin")
    await chat.press(chat.t("en", "quiet-keep", start="21:00", end="08:00"))
    assert chat.t("en", "profile-saved", zone="Europe/Berlin", start="21:00",
                  end="08:00") in chat.text
    assert (await participant(app, chat.user_id)).timezone == "Europe/Berlin"


async def test_second_invite_does_not_move_a_member(app: App, chat: ChatDriver,
                                                    admin: ChatDriver) -> None:
    await onboard(chat, admin)
    cohort = (await participant(app, chat.user_id)).cohort_id
    other = await make_invite(admin, "Lima Exchange")
    await chat.send(f"/start {other}")
    assert chat.texts[0] == chat.t("en", "join-already-member")
    assert (await participant(app, chat.user_id)).cohort_id == cohort

"""Bad input through the core model: every case gets a short, friendly answer in the
person's language, never an exception, and loses nothing."""

from __future__ import annotations

import random

from bot.app import App
from bot.core import MAX_BUTTON_DATA, MAX_TEXT, Kind
from handlers.consent import PURPOSES
from tests.chat_driver import ChatDriver
from tests.test_onboarding import make_invite, onboard, participant


def no_failure(chat: ChatDriver) -> None:
    assert chat.t("en", "error-generic") not in chat.texts
    assert all(0 < len(r.text) <= MAX_TEXT for r in chat.last.replies)


async def test_strangers_get_the_way_in_for_anything(chat: ChatDriver) -> None:
    for text in ("hello", "/menu", "/consent", "/language"):
        await chat.send(text)
        assert chat.texts == [chat.t("en", "join-how")]
    await chat.send_kind(Kind.OTHER, "sticker")
    assert chat.texts == [chat.t("en", "media-not-read")]
    outcome = await chat.press_data("1:menu:consent")
    assert outcome.toast == chat.t("en", "join-how-toast")


async def test_unknown_command(chat: ChatDriver, admin: ChatDriver) -> None:
    await onboard(chat, admin)
    await chat.send("/frobnicate now")
    assert chat.texts == [chat.t("en", "unknown-command")]


async def test_text_where_a_button_is_expected(chat: ChatDriver, admin: ChatDriver) -> None:
    await chat.send(f"/start {await make_invite(admin)}")
    await chat.press("English")
    question = chat.text
    await chat.send("yes please")
    assert chat.texts == [chat.t("en", "use-buttons"), question]


async def test_media_and_edits(chat: ChatDriver, admin: ChatDriver) -> None:
    await chat.send(f"/start {await make_invite(admin)}")
    for media in ("sticker", "photo", "voice", "document", "location"):
        await chat.send_kind(Kind.OTHER, media)
        assert chat.texts[0] == chat.t("en", "media-not-read")
        assert chat.texts[1] == chat.t("en", "onb-language", exchange="Nairobi Exchange")
    await chat.send_kind(Kind.EDITED)
    assert chat.texts == [chat.t("en", "edit-not-read")]


async def test_ten_thousand_characters(app: App, chat: ChatDriver, admin: ChatDriver) -> None:
    await chat.send(f"/start {await make_invite(admin)}")
    await chat.press("English")
    for _ in PURPOSES:
        await chat.press(chat.t("en", "consent-yes"))
    await chat.press(chat.t("en", "coc-accept"))
    await chat.press(chat.t("en", "region-africa"))
    await chat.send("Nairobi " * 1250)
    assert chat.texts[0] == chat.t("en", "text-too-long")
    no_failure(chat)
    assert (await participant(app, chat.user_id)).step == "onb:tz"  # nothing lost


async def test_double_tap_answers_once(app: App, chat: ChatDriver, admin: ChatDriver) -> None:
    await chat.send(f"/start {await make_invite(admin)}")
    message_id, english = chat.find("English")
    await chat.press_data(english.data, message_id)
    consent_question = chat.screen[message_id]
    second = await chat.press_data(english.data, message_id)
    assert second.replies == ()
    assert second.toast == chat.t("en", "button-already-done")
    assert chat.screen[message_id] == consent_question
    yes = chat.find(chat.t("en", "consent-yes"))
    await chat.press_data(yes[1].data, yes[0])
    await chat.press_data(yes[1].data, yes[0])
    assert chat.last.toast == chat.t("en", "button-already-done")
    assert (await participant(app, chat.user_id)).step == "onb:consent:stories"


async def test_button_from_an_old_message(app: App, chat: ChatDriver, admin: ChatDriver) -> None:
    await onboard(chat, admin)
    # The first consent question's "Yes", pressed again from an old message.
    outcome = await chat.press_data("1:cons:progress:y", message_id=2)
    assert outcome.toast == chat.t("en", "button-stale")
    assert chat.texts == [chat.t("en", "menu-title")]
    assert (await participant(app, chat.user_id)).step == "menu"


async def test_forged_button_data_never_breaks(app: App, chat: ChatDriver,
                                               admin: ChatDriver) -> None:
    await chat.send(f"/start {await make_invite(admin)}")
    rng = random.Random(4)
    alphabet = "1:abcdefghijklmnopqrstuvwxyz/_-é€🙂\x00 "
    samples = ["", ":", "1:", "1::", "2:lang:en", "1:lang:xx", "1:lang", "1:cons:progress:maybe",
               "1:cons:nothing:y", "1:tz:Not/AZone", "1:tz:../../etc", "1:menu:admin",
               "1:coc:yes:extra", "1:reg:mars", "1:cset:progress", "1:quiet:never",
               "x" * MAX_BUTTON_DATA]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
                for _ in range(200)]
    for data in samples:
        outcome = await chat.press_data(data[:MAX_BUTTON_DATA])
        assert outcome.toast, data
        no_failure(chat)
    assert (await participant(app, chat.user_id)).step == "onb:language"


async def test_admin_commands_refuse_participants(chat: ChatDriver, admin: ChatDriver) -> None:
    await onboard(chat, admin)
    await chat.send("/newexchange Mine 2026-01-01 2026-01-02")
    assert chat.texts == [chat.t("en", "admin-only")]
    await chat.send("/invite nairobi-exchange")
    assert chat.texts == [chat.t("en", "admin-only")]


async def test_admin_command_mistakes(admin: ChatDriver) -> None:
    cases = {
        "/newexchange": "newexchange-usage",
        "/newexchange Lima 2026-13-01 2026-13-05": "newexchange-bad-date",
        "/newexchange Lima 2026-03-05 2026-03-01": "newexchange-end-before-start",
        "/invite": "invite-usage",
        "/invite nowhere": "cohort-unknown",
        "/role": "role-usage",
        "/role abc facilitator": "role-usage",
        "/role 123 king": "role-usage",
        "/role 123 facilitator": "role-unknown-person",
        "/newcohort lima": "newcohort-usage",
        "/newcohort nowhere Youth": "exchange-unknown",
        "/codes": "codes-usage",
        "/codes nowhere": "cohort-unknown",
        "/revoke": "revoke-usage",
        "/revoke NoSuchCode": "revoke-unknown",
        "/rotate nowhere": "cohort-unknown",
    }
    for command, msg_id in cases.items():
        await admin.send(command)
        assert admin.texts == [admin.t("en", msg_id)], command


async def test_exchange_handles_are_unique(admin: ChatDriver) -> None:
    await admin.send("/newexchange Lima 2026-03-01 2026-03-05")
    assert "/invite lima" in admin.text
    await admin.send("/newexchange Lima 2027-03-01 2027-03-05")  # the same name: asked first
    await admin.press(admin.t("en", "newexchange-anyway", name="Lima"))
    assert "/invite lima-2" in admin.text


async def test_admin_actions_and_refusals_are_audited(app: App, chat: ChatDriver,
                                                      admin: ChatDriver) -> None:
    from sqlalchemy import select

    from storage.models import AuditEntry

    await onboard(chat, admin)
    await chat.send("/audit")
    assert chat.texts == [chat.t("en", "admin-only")]
    await admin.send("/audit")
    lines = admin.text.splitlines()
    assert lines[0] == admin.t("en", "audit-title", zone="UTC")
    assert lines[1].endswith(f"· {chat.user_id} · audit · refused")
    assert any(line.endswith("· newexchange · nairobi-exchange · ok") for line in lines)
    # The role lives in the database and is checked on every command: a coordinator made
    # there is one at once, and no longer one once the role is taken away.
    await set_role(app, chat.user_id, "coordinator")
    await chat.send("/newexchange Lima 2026-05-04 2026-05-08")
    assert "/invite lima" in chat.text
    await set_role(app, chat.user_id, "participant")
    await chat.send("/invite lima")
    assert chat.texts == [chat.t("en", "admin-only")]
    async with app.sessions() as session:
        outcomes = [(e.actor_id, e.action, e.outcome) for e in
                    (await session.scalars(select(AuditEntry).order_by(AuditEntry.id))).all()]
    assert outcomes[-2:] == [(chat.user_id, "newexchange", "ok"),
                             (chat.user_id, "invite", "refused")]


async def set_role(app: App, user_id: int, role: str) -> None:
    """Change a role in the database, as a coordinator's /role will."""
    from sqlalchemy import select

    from storage.models import Participant

    async with app.sessions() as session:
        me = await session.scalar(select(Participant).where(Participant.telegram_id == user_id))
        assert me is not None
        me.role = role
        await session.commit()

"""``/help`` by role: each person sees every command they may use and none they would be
refused, a coordinator from ADMIN_IDS too before they ever joined or acted."""

from __future__ import annotations

import re

from bot.app import App
from tests.chat_driver import ChatDriver
from tests.cohort_helpers import invite_code, join, new_exchange

COMMAND = re.compile(r"(?<![\w<])/([a-z]+)")


def commands_in(text: str) -> set[str]:
    return set(COMMAND.findall(text))


async def test_a_coordinator_who_never_joined_gets_the_staff_help(app: App,
                                                                 admin: ChatDriver) -> None:
    await admin.send("/help")  # their very first message: no row of theirs exists yet
    t = admin.t
    assert admin.texts == ["\n\n".join([t("en", "help-staff-intro"), t("en", "help-coordinator"),
                                        t("en", "help-staff-general")])]
    assert t("en", "join-how") not in admin.text
    shown = commands_in(admin.text)
    assert {"newexchange", "invite", "role", "broadcast", "submit", "addsession", "feedback",
            "pair", "submissions", "incidents", "emergency", "stats"} <= shown
    # Nothing a person outside a cohort would be turned away from.
    assert not shown & {"tracks", "plan", "story", "incident", "continue"}
    assert all(name in app.deps.router.commands for name in shown), shown
    stranger = ChatDriver(app, user_id=5001)  # and someone not yet invited learns how to join
    await stranger.send("/help")
    assert stranger.text == t("en", "help-text") + "\n\n" + t("en", "join-how")


async def test_every_command_is_in_someones_help(app: App, admin: ChatDriver) -> None:
    await admin.send("/help")
    everyone = commands_in(admin.text) | commands_in(admin.t("en", "help-text"))
    assert set(app.deps.router.commands) <= everyone


async def test_a_coordinator_without_a_cohort_can_use_what_the_help_lists(
        app: App, admin: ChatDriver) -> None:
    await admin.send("/alias Sam")
    assert admin.texts == [admin.t("en", "alias-done", alias="Sam")]
    await admin.send("/submit")
    assert admin.texts == [admin.t("en", "library-submit-kind")]
    await admin.send("/help")  # now with a row of their own, and in the middle of /submit
    assert admin.texts[0].startswith(admin.t("en", "help-staff-intro"))
    assert admin.texts[1:] == [admin.t("en", "library-submit-kind")]


async def test_facilitators_and_safety_contacts_see_their_part(app: App,
                                                              admin: ChatDriver) -> None:
    lima = await new_exchange(admin)
    facilitator = await join(app, await invite_code(admin, lima, "facilitator"), 7101)
    contact = await join(app, await invite_code(admin, lima), 7102)
    participant = await join(app, await invite_code(admin, lima), 7103)
    await admin.send("/role 7102 safety")
    t = admin.t

    await facilitator.send("/help")
    assert facilitator.text == t("en", "help-text") + "\n\n" + t("en", "help-facilitator")
    assert {"pair", "submit", "feedback", "broadcast", "report"} <= commands_in(
        t("en", "help-facilitator"))
    await contact.send("/help")
    assert contact.text == t("en", "help-text") + "\n\n" + t("en", "help-safety")
    await participant.send("/help")
    assert participant.text == t("en", "help-text")
    assert "submit" in commands_in(participant.text)

    # The menu's Help button says the same as /help.
    await facilitator.send("/menu")
    await facilitator.press(t("en", "menu-help"))
    assert facilitator.text == t("en", "help-text") + "\n\n" + t("en", "help-facilitator")

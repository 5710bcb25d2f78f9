"""Every button key the bot registers, pressed with random and mutated data, by a participant
in the middle of things, by staff and by a stranger: the bot answers each press (a toast or a
reply), never fails inside a handler, and changes nothing it should not."""

from __future__ import annotations

import asyncio
import logging
import random

import pytest

from bot.app import App
from handlers import buttons
from tests.chat_driver import ChatDriver
from tests.cohort_helpers import invite_code, join, new_exchange

ODD = ["", "0", "-1", "1", "2", "999999999", "99999999999999999999", "x", "ü", "🙂", " ",
       "../", "%00", "1e9", "0x1", "None", "null", "true", "a" * 40, "1;DROP TABLE x", ":"]


def variants(key: str, rng: random.Random) -> list[str]:
    found = [f"1:{key}", f"2:{key}:1", f"1:{key}:", f"1:{key}::", f"1:{key}:1:2:3:4:5:6"]
    for _ in range(12):
        args = [rng.choice(ODD) for _ in range(rng.randint(1, 4))]
        found.append(":".join(["1", key, *args]))
    return [d for d in found if len(d.encode()) <= 64]


@pytest.fixture
def failures(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.ERROR, logger="bot.app")
    return caplog


async def test_every_button_survives_random_and_mutated_data(
        app: App, admin: ChatDriver, failures: pytest.LogCaptureFixture) -> None:
    lima = await new_exchange(admin)
    facilitator = await join(app, await invite_code(admin, lima, "facilitator"), 7601)
    person = await join(app, await invite_code(admin, lima), 7602)
    stranger = ChatDriver(app, user_id=7603)
    await person.send("/plan")  # somewhere in the middle of a flow
    rng = random.Random(20261125)
    keys = sorted(app.deps.router.buttons)
    assert len(keys) > 40  # every feature's buttons are in the table
    pressed = 0
    people = (person, facilitator, stranger, admin)
    for key in keys:
        for data in variants(key, rng):
            # The four press together, as people do: their presses share transactions.
            outcomes = await asyncio.gather(*(who.press_data(data, rng.randint(1, 50))
                                              for who in people))
            for outcome in outcomes:
                assert outcome.toast or outcome.replies, (key, data)
            pressed += len(outcomes)
    handler_failures = [r.getMessage() for r in failures.records
                        if "handler_failed" in r.getMessage()]
    assert handler_failures == []
    assert pressed > 1000
    # Nobody was made staff, nothing was sent, and the person can still carry on.
    await person.send("/menu")
    assert person.text == person.t("en", "menu-title")
    await stranger.send("/cohorts")
    assert stranger.texts == [stranger.t("en", "admin-only")]


def test_button_data_never_exceeds_telegrams_limit() -> None:
    with pytest.raises(ValueError, match="over 64 bytes"):
        buttons.data("key", "x" * 70)

"""Mentoring end to end, on each framework, through the fake Bot API: a facilitator pairs a
mentor and a mentee, the two talk through the bot in both directions without seeing who the
other is, both share their accounts and only then get each other's link, the mentee reports a
problem to the facilitator of the week, the mentor ends the pairing, and a text sent after
the end goes nowhere."""

from __future__ import annotations

from sqlalchemy import select, update

from bot.app import App
from bot.clock import RunningClock
from bot.config import Settings
from storage.models import Assessment, Cohort, OutboxMessage, Pairing, Participant
from tests.cohort_helpers import seed_cohort
from tests.conftest import ADMIN_ID, START, running_bot
from tests.fake_telegram import BotMessage, FakeTelegram
from tests.telegram_user import TelegramUser

FACILITATOR, MENTEE, MENTOR = 720000, 720001, 720002
NAMES = {FACILITATOR: "Fatima Week", MENTEE: "Amina Mwangi", MENTOR: "Marco Rossi"}


def t(app: App, msg_id: str, **args: object) -> str:
    return app.deps.translator.format("en", msg_id, args)


async def incoming(telegram: FakeTelegram, user_id: int, text: str) -> BotMessage:
    """Wait for the outbox to deliver a message starting with ``text``; consume what came."""
    def found() -> list[BotMessage]:
        return [m for m in telegram.messages(user_id) if (m.text or "").startswith(text)]

    await telegram.wait_for(lambda: bool(found()), timeout=10, what=f"{text!r} to {user_id}")
    await telegram.settle(quiet=0.1)
    telegram.drain(user_id)
    return found()[-1]


def hidden_from(telegram: FakeTelegram, viewer: int, other: int) -> None:
    """Nothing the viewer received names the other person or carries their Telegram id."""
    first, last = NAMES[other].split()
    for message in telegram.messages(viewer):
        seen = f"{message.text} {message.buttons}"
        assert str(other) not in seen, seen
        assert first not in seen and last not in seen, seen


async def prepare(app: App) -> None:
    """A seeded cohort: the facilitator is this week's, the mentor has years of organising."""
    cohort_id = await seed_cohort(app.sessions, [MENTEE, MENTOR], now=START,
                                  facilitator_id=FACILITATOR)
    async with app.sessions() as session:
        ids = {row[1]: row[0] for row in await session.execute(
            select(Participant.id, Participant.telegram_id))}
        await session.execute(update(Cohort).where(Cohort.id == cohort_id)
                              .values(facilitator_id=ids[FACILITATOR]))
        session.add(Assessment(participant_id=ids[MENTOR], answers={"experience": "gt10"},
                               recommended_track="core", created_at=START))
        await session.commit()


async def test_mentoring_through_telegram(telegram: FakeTelegram, settings: Settings,
                                          running_clock: RunningClock, framework: str) -> None:
    for user_id, name in NAMES.items():
        telegram.add_user(user_id, first_name=name)
    telegram.add_user(ADMIN_ID)
    async with running_bot(telegram, settings.model_copy(update={"bot_framework": framework}),
                           running_clock) as app:
        await prepare(app)
        mentee, mentor = TelegramUser(telegram, MENTEE), TelegramUser(telegram, MENTOR)
        facilitator = TelegramUser(telegram, FACILITATOR)

        # Asking, offering, and the facilitator starting the proposed pair.
        await mentee.send("/mentor")
        await mentee.press(t(app, "mt-ask"))
        await mentor.send("/mentor")
        _, [offered] = await mentor.press(t(app, "mt-offer"))
        assert (offered.text or "").startswith(t(app, "mt-offer-done"))
        [board] = await facilitator.send("/pair")
        assert t(app, "mt-why-language") in (board.text or "")
        _, [started] = await facilitator.press(t(app, "mt-board-start", number=1))
        async with app.sessions() as session:
            pairing = await session.scalar(select(Pairing))
        assert pairing is not None and pairing.status == "active"
        assert (started.text or "").startswith(t(app, "mt-board-started", pair=pairing.id,
                                                 mentor=pairing.mentor_id,
                                                 mentee=pairing.mentee_id))
        await incoming(telegram, MENTEE, t(app, "mt-started-mentee"))
        await incoming(telegram, MENTOR, t(app, "mt-started-mentor"))

        # Both directions through the relay.
        _, [talk] = await mentee.press(t(app, "mt-write-mentor"))
        assert (talk.text or "").startswith(t(app, "mt-talk-mentor"))
        [sent] = await mentee.send("How do I keep my phone safe at a protest?")
        assert sent.text == t(app, "mt-sent-mentor")
        got = await incoming(telegram, MENTOR, t(app, "mt-from-mentee"))
        assert got.text == t(app, "mt-from-mentee") + "\nHow do I keep my phone safe at a protest?"
        _, [talk] = await mentor.press(t(app, "mt-answer"))
        assert (talk.text or "").startswith(t(app, "mt-talk-mentee"))
        await mentor.send("Airplane mode, and leave the usual one at home.")
        got = await incoming(telegram, MENTEE, t(app, "mt-from-mentor"))
        assert got.text == (t(app, "mt-from-mentor")
                            + "\nAirplane mode, and leave the usual one at home.")
        hidden_from(telegram, MENTEE, MENTOR)
        hidden_from(telegram, MENTOR, MENTEE)

        # Bad input on the way: a text too long to relay, a button naming another pairing.
        [refused] = await mentor.send("x" * 2500)
        assert refused.text == t(app, "mt-too-long", length=2500, max=2000)
        toast, _ = await mentor.press_data(talk.message_id, f"1:mtw:{pairing.id + 1}")
        assert toast == t(app, "button-unknown")
        await telegram.settle(quiet=0.3)
        assert telegram.drain(MENTEE) == []

        # One shares: the other is asked, and still sees nothing of them.
        await mentee.press(t(app, "mt-reveal"))
        _, [waiting] = await mentee.press(t(app, "mt-reveal-yes"))
        assert t(app, "mt-reveal-waiting-mentor") in (waiting.text or "")
        await incoming(telegram, MENTOR, t(app, "mt-reveal-offered-mentee"))
        hidden_from(telegram, MENTOR, MENTEE)
        hidden_from(telegram, MENTEE, MENTOR)
        # Both share: each gets a link to the other.
        await mentor.press(t(app, "mt-reveal"))
        _, [linked] = await mentor.press(t(app, "mt-reveal-yes"))
        assert linked.parse_mode == "HTML"
        assert f'<a href="tg://user?id={MENTEE}">' in (linked.text or "")
        link = await incoming(telegram, MENTEE, t(app, "mt-revealed-by-mentor"))
        assert link.parse_mode == "HTML"
        assert f'<a href="tg://user?id={MENTOR}">' in (link.text or "")

        # The mentee reports a problem: the facilitator of the week hears of it, without text.
        await mentee.press(t(app, "mt-report"))
        _, [done] = await mentee.press(t(app, "mt-report-yes"))
        assert done.text == t(app, "mt-report-done")
        alert = await incoming(telegram, FACILITATOR, "Mentoring report")
        assert (alert.plain_text or "").startswith(t(
            app, "mt-alert-by-mentee", pair=str(pairing.id), cohort="Seeded Exchange",
            person=str(pairing.mentee_id)))
        assert "phone" not in (alert.text or "") and "Airplane" not in (alert.text or "")
        await incoming(telegram, ADMIN_ID, "Mentoring report")

        # The mentor ends it; the mentee, still in the conversation, writes in vain.
        await mentor.press(t(app, "mt-end"))
        _, [ended, menu] = await mentor.press(t(app, "mt-end-yes"), replies=2)
        assert (ended.text, menu.text) == (t(app, "mt-ended-you"), t(app, "menu-title"))
        await incoming(telegram, MENTEE, t(app, "mt-ended-by-mentor"))
        before = len(telegram.messages(MENTOR))
        sorry, _ = await mentee.send("Thank you, one more question", replies=2)
        assert sorry.text == t(app, "mt-ended")
        toast, _ = await mentee.press_data(done.message_id, f"1:mte:{pairing.id}:yes")
        assert toast == t(app, "button-stale")  # an old confirmation: it has ended already
        await telegram.settle(quiet=0.5)
        assert len(telegram.messages(MENTOR)) == before
        assert not any("one more question" in (m.text or "") for m in telegram.messages(MENTOR))
        # The relayed words went out, and are no longer kept anywhere.
        async with app.sessions() as session:
            relayed = (await session.execute(select(OutboxMessage.status, OutboxMessage.text)
                                             .where(OutboxMessage.key.startswith("mtr:")))).all()
        assert sorted(relayed) == [("sent", ""), ("sent", "")]

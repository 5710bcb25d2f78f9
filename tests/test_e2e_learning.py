"""End to end on both frameworks: a module with a quiz and a scenario, stopped half way, the
bot restarted, ``/continue``, finished; and the progress consent withdrawn, which deletes the
progress and closes learning."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from bot.app import App
from bot.clock import FakeClock
from bot.config import Settings
from storage.models import CardResult, ModuleProgress, Participant, Reflection
from tests.conftest import running_bot
from tests.fake_telegram import FakeTelegram
from tests.telegram_user import TelegramUser
from tests.test_content import ENGLISH, pack
from tests.test_e2e import onboard
from tests.test_learning import REFLECTION, paths_pack

USER = 717171


def t(app: App, msg_id: str, **args: object) -> str:
    return app.deps.translator.format("en", msg_id, args)


def with_reflection_pack(settings: Settings, framework: str, tmp_path: Path) -> Settings:
    """The bot on ``framework`` with a small module that ends in a reflection."""
    content = pack(tmp_path / "pack", english=ENGLISH + REFLECTION)
    return settings.model_copy(update={"bot_framework": framework, "content_dir": content})


async def test_module_across_a_restart(telegram: FakeTelegram, settings: Settings,
                                       clock: FakeClock, framework: str,
                                       tmp_path: Path) -> None:
    chosen = with_reflection_pack(settings, framework, tmp_path)
    user = TelegramUser(telegram, USER)
    async with running_bot(telegram, chosen, clock) as app:
        await onboard(app, telegram, user)
        [tracks] = await user.send("/tracks")
        assert tracks.text == t(app, "learn-tracks")
        _, [track] = await user.press("Core")
        _, [card] = await user.press("A module")
        assert card.message_id == track.message_id  # one message, edited in place
        assert card.text is not None and "Read this." in card.text
        await user.press(t(app, "learn-next"))
        _, [feedback] = await user.press("This one")
        assert feedback.text is not None and t(app, "learn-right") in feedback.text
        _, [scenario] = await user.press(t(app, "learn-next"))
        assert scenario.text is not None and "What now?" in scenario.text
    # The bot stops half way through the scenario, and starts again.
    async with running_bot(telegram, chosen, clock) as app:
        [resumed] = await user.send("/continue")
        assert resumed.text is not None and "What now?" in resumed.text
        _, [debrief] = await user.press("X")
        assert debrief.text is not None and "X worked because" in debrief.text
        await user.press(t(app, "learn-next"))
        kept, done = await user.send("Talk to neighbours first.", replies=2)
        assert kept.text == t(app, "learn-reflection-kept")
        assert done.text == "\n".join((t(app, "learn-module-done", title="A module"),
                                       t(app, "learn-score", right=1, total=1),
                                       t(app, "learn-all-done")))


async def test_try_again_then_the_modules_score_and_the_next_module(
        telegram: FakeTelegram, settings: Settings, clock: FakeClock, framework: str,
        tmp_path: Path) -> None:
    """A quiz that takes two tries, answered wrong then right; the module ends with its score
    (nothing right at the first try) and a button to the next module of the track."""
    chosen = settings.model_copy(update={"bot_framework": framework,
                                         "content_dir": paths_pack(tmp_path / "pack")})
    user = TelegramUser(telegram, USER)
    async with running_bot(telegram, chosen, clock) as app:
        await onboard(app, telegram, user)
        await user.send("/tracks")
        await user.press("Core")
        _, [card] = await user.press("A module")
        await user.press(t(app, "learn-next"))
        _, [wrong] = await user.press("That one")
        assert wrong.text is not None and t(app, "learn-not-quite") in wrong.text
        assert t(app, "learn-tries-left", left=1) in wrong.text
        assert [label for row in wrong.buttons for label, _ in row] == [
            t(app, "learn-try-again"), t(app, "learn-back")]
        _, [again] = await user.press(t(app, "learn-try-again"))
        assert again.text is not None and again.text.endswith("Which one?")
        _, [right] = await user.press("This one")
        assert right.text is not None and t(app, "learn-right") in right.text
        await user.press(t(app, "learn-next"))
        await user.press("X")
        await user.press(t(app, "learn-next"))
        kept, done = await user.send("Ask the tenants first.", replies=2)
        assert kept.text == t(app, "learn-reflection-kept")
        assert done.text == "\n".join((t(app, "learn-module-done", title="A module"),
                                       t(app, "learn-score", right=0, total=1)))
        following = t(app, "learn-next-module", title="Second module")
        assert [label for row in done.buttons for label, _ in row] == [
            following, t(app, "learn-all-tracks")]
        _, [second] = await user.press(following)
        assert second.message_id == done.message_id != card.message_id
        assert second.text is not None and second.text.startswith(
            t(app, "learn-card-head", title="Second module", number=1, total=3))


async def test_offline_document_through_telegram(bot: App, telegram: FakeTelegram) -> None:
    user = TelegramUser(telegram, USER)
    await onboard(bot, telegram, user)
    await user.send("/offline")
    await user.press(bot.deps.content.tracks[0].titles["en"])
    _, [document] = await user.press("Whole track")
    assert document.document is not None
    filename, data = document.document
    assert filename == "core-en.txt"
    assert "Risk assessment" in data.decode()


async def test_assessment_then_the_recommended_track(bot: App,
                                                     telegram: FakeTelegram) -> None:
    user = TelegramUser(telegram, USER)
    await onboard(bot, telegram, user)
    await user.send("/assessment")
    await user.press(t(bot, "assess-start"))
    for label in ("assess-role-new", "assess-focus-climate", "assess-experience-lt1",
                  "assess-safety-partly"):
        await user.press(t(bot, label))
    await user.press(t(bot, "assess-done"))  # no resources ticked
    for rating in "4343":
        message_id, data = user.find(rating)
        await user.press_data(message_id, data)
    _, [recommendation] = await user.press(t(bot, "learn-skip"))
    climate = bot.deps.content.track("climate-resilience")
    assert climate is not None
    assert recommendation.text == t(bot, "assess-recommend", track=climate.titles["en"],
                                    reason=t(bot, "assess-reason-focus"))
    _, [track] = await user.press(t(bot, "assess-follow"))
    assert track.text == t(bot, "learn-track", track=climate.titles["en"])
    assert track.message_id == recommendation.message_id


async def test_withdrawing_the_progress_consent_deletes_progress(
        telegram: FakeTelegram, settings: Settings, clock: FakeClock, framework: str,
        tmp_path: Path) -> None:
    chosen = with_reflection_pack(settings, framework, tmp_path)
    user = TelegramUser(telegram, USER)
    async with running_bot(telegram, chosen, clock) as app:
        await onboard(app, telegram, user)
        await user.send("/tracks")
        await user.press("Core")
        await user.press("A module")
        await user.press(t(app, "learn-next"))
        await user.press("This one")
        await user.press(t(app, "learn-next"))
        await user.press("X")
        await user.press(t(app, "learn-next"))
        await user.send("Ask the tenants first.", replies=2)
        assert await learning_rows(app) == {"module_progress": 1, "card_results": 2,
                                            "reflections": 1, "track": 1}

        await user.send("/consent")
        withdraw = t(app, "consent-withdraw", question=t(app, "consent-progress-short"))
        toast, [overview, note] = await user.press(withdraw, replies=2)
        assert toast == t(app, "consent-toast-withdrawn")
        assert overview.text is not None and t(app, "consent-state-no", question=t(
            app, "consent-progress")) in overview.text
        assert note.text == t(app, "privacy-withdrawn-progress", modules=1, quiz=2,
                              reflections=1, commitments=0, answers=0, notes=0)
        assert await learning_rows(app) == {"module_progress": 0, "card_results": 0,
                                            "reflections": 0, "track": 0}

        [closed] = await user.send("/tracks")
        assert closed.text == t(app, "learn-no-consent")
        allow = t(app, "consent-give", question=t(app, "consent-progress-short"))
        assert [[label for label, _ in row] for row in closed.buttons] == [[allow]]
        [nothing] = await user.send("/continue")
        assert nothing.text == t(app, "learn-no-consent")


async def learning_rows(app: App) -> dict[str, int]:
    """How many rows of each kind of learning progress the person has."""
    async with app.sessions() as session:
        me = await session.scalar(select(Participant).where(Participant.telegram_id == USER))
        assert me is not None
        counts = {model.__tablename__: await session.scalar(
            select(func.count()).select_from(model).where(model.participant_id == me.id))
            for model in (ModuleProgress, CardResult, Reflection)}
    return {**counts, "track": int(me.track_id is not None)}

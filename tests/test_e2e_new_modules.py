"""End to end on both frameworks: a French and an Arabic participant each work through one of
the modules written in their language (issue #16), through the real bot and the fake Bot API:
every card, the quiz and the scenario drill arrive in their language, never marked as English,
to the end of the module."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from bot.app import App
from bot.clock import FakeClock
from bot.config import Settings
from bot.content import Card, ModuleText
from handlers.player import MAX_REFLECTION
from storage.models import CardResult, ModuleProgress, Participant
from tests.cohort_helpers import seed_cohort
from tests.conftest import START, running_bot
from tests.fake_telegram import BotMessage, FakeTelegram
from tests.telegram_user import TelegramUser

AMINATA, KARIM = 760101, 760102  # the French reader, the Arabic reader


@dataclass(frozen=True)
class Walk:
    """One participant's way through a module: who, in which language, the track that holds
    it, the quiz answer and the scenario choices (by id), and words (card text or button
    labels) only that language's file has, so the English fallback cannot pass for it."""

    user_id: int
    lang: str
    track: str
    module: str
    quiz: str
    path: tuple[str, ...]
    words: tuple[str, ...]
    reflection: str | None  # typed; None: skipped


FRENCH = Walk(AMINATA, "fr", "pressure-points", "de-escalation", quiz="walk",
              path=("buffer", "calm"),
              words=("Désamorcer sous pression", "service d'ordre", "La conduire calmement",
                     "Bilan : le membre du service d'ordre est resté à un pas"),
              reflection="Nous choisirons un point sûr près de la sortie.")
ARABIC = Walk(KARIM, "ar", "voice-structure", "org-design", quiz="team",
              path=("pause", "design"),
              words=("التصميم التنظيمي: من يقرر ماذا", "فريق التحرك، ثم يُبلغ الجميع",
                     "في مطبخ سامي", "المراجعة: كتبت المجموعة اتفاقًا من صفحة واحدة"),
              reflection=None)


async def test_a_french_participant_works_through_de_escalation(
        telegram: FakeTelegram, settings: Settings, clock: FakeClock, framework: str) -> None:
    await walk_through(telegram, settings, clock, framework, FRENCH)


async def test_an_arabic_participant_works_through_org_design(
        telegram: FakeTelegram, settings: Settings, clock: FakeClock, framework: str) -> None:
    await walk_through(telegram, settings, clock, framework, ARABIC)


async def walk_through(telegram: FakeTelegram, settings: Settings, clock: FakeClock,
                       framework: str, walk: Walk) -> None:
    telegram.add_user(walk.user_id, language_code=walk.lang)
    user = TelegramUser(telegram, walk.user_id, language_code=walk.lang)
    async with running_bot(telegram, settings.model_copy(update={"bot_framework": framework}),
                           clock) as app:
        await seed_cohort(app.sessions, [walk.user_id], now=START, progress=True)
        await set_language(app, walk.user_id, walk.lang)

        def t(msg_id: str, **args: object) -> str:
            return app.deps.translator.format(walk.lang, msg_id, args)

        module = app.deps.content.modules[walk.module]
        text, fallback = module.text_for(walk.lang)
        assert not fallback and text.language == walk.lang
        seen: list[str] = []

        def shown(message: BotMessage, body: str) -> None:
            """The card arrived in the participant's language, not marked as English."""
            assert message.text is not None
            assert body in message.text, message.text
            assert t("learn-in-english") not in message.text
            assert "(English)" not in message.text
            seen.append(message.text)
            seen.extend(label for row in message.buttons for label, _ in row)

        [tracks] = await user.send("/tracks")
        assert tracks.text == t("learn-tracks")
        track = app.deps.content.track(walk.track)
        assert track is not None and walk.module in track.modules
        _, [listing] = await user.press(track.titles[walk.lang])
        assert listing.text == t("learn-track", track=track.titles[walk.lang])
        _, [first] = await user.press(text.title)
        assert first.message_id == listing.message_id  # one message, edited in place
        assert first.text is not None
        assert first.text.startswith(t("learn-card-head", title=text.title, number=1,
                                       total=len(text.cards)))

        message = first
        for number, card in enumerate(text.cards, 1):
            if number > 1:
                assert message.text is not None
                assert message.text.startswith(f"{number}/{len(text.cards)}")
            if card.kind == "text":
                shown(message, card.text)
                _, [message] = await user.press(t("learn-next"))
            elif card.kind == "quiz":
                shown(message, card.text)
                labels = [label for row in message.buttons for label, _ in row]
                assert [c.label for c in card.choices] == labels[:len(card.choices)]
                choice = next(c for c in card.choices if c.id == walk.quiz)
                assert choice.correct
                _, [answered] = await user.press(choice.label)
                shown(answered, f"{t('learn-right')} {choice.feedback}")
                _, [message] = await user.press(t("learn-next"))
            elif card.kind == "scenario":
                message = await play_scenario(user, card, walk, message, shown)
                _, [message] = await user.press(t("learn-next"))
            else:
                assert card.kind == "reflection" and card is text.cards[-1]
                shown(message, f"{card.text}\n\n{t('learn-reflect-hint', max=MAX_REFLECTION)}")
                if walk.reflection is None:
                    toast, [done] = await user.press(t("learn-skip"))
                    assert toast == t("learn-well-done")
                else:
                    kept, done = await user.send(walk.reflection, replies=2)
                    assert kept.text == t("learn-reflection-kept")
                assert done.text is not None
                assert done.text.startswith(t("learn-module-done", title=text.title))
                assert t("learn-score", right=1, total=1) in done.text  # right the first time

        everything = "\n".join(seen)
        for words in walk.words:  # from this language's file, not from en.toml
            assert words in everything, words
        english = module.texts["en"]
        assert english.cards[0].text not in everything
        await check_progress(app, walk, text)


async def play_scenario(user: TelegramUser, card: Card, walk: Walk, message: BotMessage,
                        shown: Callable[[BotMessage, str], None]) -> BotMessage:
    """From the start step along ``walk.path`` to its debrief; returns the debrief."""
    step = card.step(card.start)
    assert step is not None
    for choice_id in walk.path:
        shown(message, step.text)
        assert not step.end
        labels = [label for row in message.buttons for label, _ in row]
        assert [c.label for c in step.choices] == labels[:len(step.choices)]
        choice = next(c for c in step.choices if c.id == choice_id)
        _, [message] = await user.press(choice.label)
        step = card.step(choice.next)
        assert step is not None
    assert step.end, "the walk ends in a debrief"
    shown(message, step.text)
    return message


async def set_language(app: App, user_id: int, lang: str) -> None:
    async with app.sessions() as session:
        me = await session.scalar(select(Participant).where(Participant.telegram_id == user_id))
        assert me is not None
        me.language = lang
        await session.commit()


async def check_progress(app: App, walk: Walk, text: ModuleText) -> None:
    """The module is stored as done, with the quiz answer and each scenario choice."""
    async with app.sessions() as session:
        me = await session.scalar(select(Participant).where(
            Participant.telegram_id == walk.user_id))
        assert me is not None
        progress = await session.scalar(select(ModuleProgress).where(
            ModuleProgress.participant_id == me.id, ModuleProgress.module_id == walk.module))
        assert progress is not None and progress.completed_at is not None
        results = list(await session.scalars(select(CardResult).where(
            CardResult.participant_id == me.id)))
    quiz = next(c for c in text.cards if c.kind == "quiz")
    assert sorted((r.card_id, r.choice_id) for r in results) == sorted(
        [(quiz.id, walk.quiz)] + [(c.id, choice) for c in text.cards if c.kind == "scenario"
                                  for choice in walk.path])

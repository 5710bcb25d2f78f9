"""Mentoring through the core model: who may offer, asking, the bot's proposals (language,
waking hours, track), staff starting and skipping pairs, role checks and their audit, the
relay with its limits, sharing accounts, ending, reporting, and bad or stale presses."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Text, select, type_coerce, update

from bot.app import App
from bot.core import Kind
from handlers import buttons
from handlers.assessment_questions import CORE_SKILLS
from handlers.mentor import MAX_RELAY, TALK_STEP
from handlers.mentor_match import Candidate, awake, can_mentor, overlap, propose
from storage.models import (
    AuditEntry,
    Cohort,
    MentorshipRequest,
    OutboxMessage,
    Pairing,
    Participant,
)
from tests.chat_driver import ChatDriver
from tests.cohort_helpers import invite_code, join, new_exchange
from tests.conftest import ADMIN_ID

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
NAIROBI = ("region-africa", "Nairobi")  # UTC+3: awake 05:00-18:00 UTC
LAGOS = ("region-africa", "Lagos")  # UTC+1: 07:00-20:00 UTC, 11 h with Nairobi
ACCRA = ("region-africa", "Accra")  # UTC+0: 08:00-21:00 UTC, 10 h with Nairobi
SYDNEY = ("region-asia_pacific", "Sydney")  # UTC+11 in March: 5 h with Nairobi
LOS_ANGELES = ("region-north_america", "Los Angeles")  # UTC-8: 2 h with Nairobi


# -- helpers -----------------------------------------------------------------------------------
async def person(app: App, code: str, user_id: int, place: tuple[str, str] = NAIROBI, *,
                 lang: str = "en", track: str | None = None, experience: str | None = None,
                 rating: int = 3) -> ChatDriver:
    """Someone who joined, chose a track and (with ``experience``) took the assessment."""
    chat = await join(app, code, user_id, region=place[0], city=place[1], lang=lang)
    if experience is not None:
        await chat.send("/assessment")
        await chat.press_data(buttons.data("asm", "go"))
        for question, value in (("role", "organiser"), ("focus", "other"),
                                ("experience", experience), ("safety", "yes"),
                                ("resources", "done"),
                                *((f"rate-{s}", str(rating)) for s in CORE_SKILLS),
                                ("note", "skip")):
            await chat.press_data(buttons.data("as", question, value))
    if track is not None:
        await chat.press_data(buttons.data("trk", track))
    await chat.send("/menu")
    return chat


async def ask(chat: ChatDriver, lang: str = "en") -> None:
    await chat.send("/mentor")
    await chat.press(chat.t(lang, "mt-ask"))
    assert chat.texts[0].startswith(chat.t(lang, "mt-ask-done")), chat.text


async def offer(chat: ChatDriver, lang: str = "en") -> None:
    await chat.send("/mentor")
    await chat.press(chat.t(lang, "mt-offer"))
    assert chat.texts[0].startswith(chat.t(lang, "mt-offer-done")), chat.text


async def pid(app: App, user_id: int) -> int:
    async with app.sessions() as session:
        found = await session.scalar(select(Participant.id)
                                     .where(Participant.telegram_id == user_id))
    assert found is not None
    return found


async def requests(app: App) -> set[tuple[int, str]]:
    async with app.sessions() as session:
        rows = await session.execute(select(Participant.telegram_id, MentorshipRequest.kind)
                                     .join(Participant))
        return {(row[0], row[1]) for row in rows}


async def pairings(app: App, status: str | None = None) -> list[Pairing]:
    async with app.sessions() as session:
        query = select(Pairing).order_by(Pairing.id)
        if status:
            query = query.where(Pairing.status == status)
        return list(await session.scalars(query))


async def pairs(app: App, status: str = "proposed") -> set[tuple[int, int]]:
    """(mentor, mentee) as Telegram ids."""
    ids: dict[int, int] = {}
    async with app.sessions() as session:
        for row in await session.execute(select(Participant.id, Participant.telegram_id)):
            ids[row[0]] = row[1]
    return {(ids[p.mentor_id], ids[p.mentee_id]) for p in await pairings(app, status)}


async def sent_to(app: App, user_id: int, prefix: str = "mt") -> list[OutboxMessage]:
    async with app.sessions() as session:
        return list(await session.scalars(select(OutboxMessage).where(
            OutboxMessage.chat_id == user_id, OutboxMessage.key.startswith(prefix))
            .order_by(OutboxMessage.id)))


async def audited(app: App, actor: int) -> list[tuple[str, str]]:
    async with app.sessions() as session:
        rows = await session.execute(select(AuditEntry.action, AuditEntry.outcome)
                                     .where(AuditEntry.actor_id == actor)
                                     .order_by(AuditEntry.id))
        return [(row[0], row[1]) for row in rows]


async def start_pair(app: App, admin: ChatDriver, cohort: str) -> Pairing:
    """The coordinator starts the first proposal on the board."""
    await admin.send(f"/pair {cohort}")
    await admin.press(admin.t("en", "mt-board-start", number=1))
    [pairing] = await pairings(app, "active")
    return pairing


# -- who may offer, and the matcher on its own ---------------------------------------------
def test_offering_needs_experience() -> None:
    assert can_mentor({"experience": "gt10"})
    assert can_mentor({"experience": "3to10", "rate-risk": 1})
    assert can_mentor({"experience": "1to3", "rate-risk": 2, "rate-media": 4})
    assert not can_mentor({"experience": "1to3", "rate-risk": 3, "rate-media": 3})
    assert not can_mentor({"experience": "lt1", "rate-risk": 5})
    assert not can_mentor({})


def test_waking_hours_in_common() -> None:
    nairobi = awake("Africa/Nairobi", 21 * 60, 8 * 60, NOW)
    assert nairobi == ((300, 1080),)
    assert overlap(nairobi, awake("Africa/Lagos", 21 * 60, 8 * 60, NOW)) == 11 * 60
    assert overlap(nairobi, awake("Australia/Sydney", 21 * 60, 8 * 60, NOW)) == 5 * 60
    assert overlap(nairobi, awake("America/Los_Angeles", 21 * 60, 8 * 60, NOW)) == 2 * 60
    assert overlap(nairobi, awake("UTC+05:30", 21 * 60, 8 * 60, NOW)) == 13 * 60 - 150
    # Quiet hours that do not cross midnight, and none at all.
    assert awake("UTC", 60, 6 * 60, NOW) == ((360, 1440), (0, 60))
    assert awake(None, 0, 0, NOW) == ((0, 1440),)


def test_proposals_rank_language_then_hours_then_track() -> None:
    def who(number: int, zone: str, lang: str = "en", track: str | None = "core") -> Candidate:
        return Candidate(number, lang, track, awake(zone, 21 * 60, 8 * 60, NOW), NOW)

    mentee = who(1, "Africa/Nairobi")
    # Same language beats more hours together.
    found = propose([who(10, "Africa/Lagos", "es"), who(11, "Australia/Sydney")], [mentee])
    assert [(m.mentor.participant_id, m.mentee.participant_id) for m in found] == [(11, 1)]
    # Three hours together beat the same track; above that, the track wins over more hours.
    found = propose([who(12, "America/Los_Angeles"), who(13, "Africa/Accra", track="x")],
                    [mentee])
    assert found[0].mentor.participant_id == 13
    found = propose([who(14, "Africa/Lagos", track="x"), who(15, "Africa/Accra")], [mentee])
    assert found[0].mentor.participant_id == 15 and found[0].same_track
    # Under an hour together: never proposed; nor a pair that was tried, nor oneself.
    honolulu = Candidate(16, "en", "core", awake("Pacific/Honolulu", 19 * 60 + 50, 8 * 60, NOW),
                         NOW)  # goes quiet at 05:50 UTC: 50 minutes with Nairobi
    assert propose([honolulu], [mentee]) == []
    assert len(propose([who(16, "Pacific/Honolulu")], [mentee])) == 1  # two hours: proposed
    assert propose([who(17, "Africa/Lagos")], [mentee], excluded={frozenset((1, 17))}) == []
    assert propose([who(1, "Africa/Nairobi")], [mentee]) == []
    # Each person once: two asks, one offer.
    found = propose([who(18, "Africa/Lagos")], [mentee, who(2, "Africa/Lagos")])
    assert [m.mentee.participant_id for m in found] == [2]  # the better hours win


# -- offering and asking -------------------------------------------------------------------
async def test_offer_and_ask(app: App, admin: ChatDriver) -> None:
    lima = await new_exchange(admin)
    code = await invite_code(admin, lima)
    newcomer = await person(app, code, 8101, experience="lt1")
    seasoned = await person(app, code, 8102, experience="gt10")
    untested = await person(app, code, 8103)

    await newcomer.send("/mentor")
    assert newcomer.t("en", "mt-offer-locked") in newcomer.text
    assert newcomer.t("en", "mt-intro") in newcomer.text
    assert newcomer.t("en", "mt-offer") not in newcomer.labels()
    await ask(newcomer)
    assert newcomer.t("en", "mt-asking") in newcomer.text
    assert newcomer.t("en", "mt-withdraw-ask") in newcomer.labels()
    # The offer was never shown to them: pressing it anyway changes nothing.
    await newcomer.press_data(buttons.data("mtr", "o", "+"))
    assert newcomer.last.toast == newcomer.t("en", "button-stale")
    await untested.send("/mentor")
    assert untested.t("en", "mt-offer-locked") in untested.text

    await offer(seasoned)
    await ask(seasoned)  # someone experienced may want a mentor too
    assert await requests(app) == {(8101, "ask"), (8102, "offer"), (8102, "ask")}
    await seasoned.press(seasoned.t("en", "mt-withdraw-offer"))
    assert seasoned.texts[0].startswith(seasoned.t("en", "mt-offer-withdrawn"))
    assert await requests(app) == {(8101, "ask"), (8102, "ask")}
    for forged in ("1:mtr", "1:mtr:x:+", "1:mtr:a:*", "1:mtr:a:+:1"):
        await seasoned.press_data(forged)
        assert seasoned.last.toast == seasoned.t("en", "button-unknown"), forged
    assert await requests(app) == {(8101, "ask"), (8102, "ask")}
    # Text typed at the mentoring overview (nobody to talk to) goes nowhere.
    await newcomer.send("/mentor")
    await newcomer.send("hello?")
    assert newcomer.texts == [newcomer.t("en", "use-buttons")]
    assert await sent_to(app, 8102) == []


# -- proposals and pairing by staff ------------------------------------------------------------
async def test_the_bot_proposes_by_language_hours_and_track(app: App, admin: ChatDriver) -> None:
    lima = await new_exchange(admin)
    code = await invite_code(admin, lima)
    # Mentees, all in Nairobi.
    amina = await person(app, code, 8201, track="core")
    bea = await person(app, code, 8202, lang="es", track="core")
    chidi = await person(app, code, 8203, track="housing-justice")
    # Mentors.
    lagos_core = await person(app, code, 8211, LAGOS, track="core", experience="gt10")
    sydney_es = await person(app, code, 8212, SYDNEY, lang="es", experience="3to10")
    lagos_core_2 = await person(app, code, 8213, LAGOS, track="core", experience="gt10")
    accra_housing = await person(app, code, 8214, ACCRA, track="housing-justice",
                                 experience="1to3", rating=5)
    for mentor in (lagos_core, lagos_core_2, accra_housing):
        await offer(mentor)
    await offer(sydney_es, "es")
    for mentee in (amina, chidi):
        await ask(mentee)
    await ask(bea, "es")

    await admin.send(f"/pair {lima}")
    # Amina: same track, most hours, and the first to offer. Bea: the only Spanish speaker,
    # though Sydney shares only five waking hours with Nairobi. Chidi: the housing track
    # beats Lagos' one more hour.
    assert await pairs(app) == {(8211, 8201), (8212, 8202), (8214, 8203)}
    t = admin.t
    ids = {uid: await pid(app, uid) for uid in (8201, 8202, 8211, 8212)}
    # A sentence, with languages and tracks by name.
    english, core = t("en", "language-name"), "Core skills"
    amina_line = t("en", "mt-board-pair", number=1,
                   mentor=t("en", "mt-person", id=str(ids[8211]), language=english,
                            zone="UTC+1", track=core),
                   mentee=t("en", "mt-person", id=str(ids[8201]), language=english,
                            zone="UTC+3", track=core),
                   reasons=" ".join((t("en", "mt-why-language"), t("en", "mt-why-track"),
                                     t("en", "mt-why-overlap", hours=11))))
    assert amina_line in admin.text
    assert f"#{ids[8211]} ({english}, UTC+1, {core}) could mentor participant #{ids[8201]} " \
           f"({english}, UTC+3, {core}). They speak the same language. They follow the same " \
           "track. They are awake at the same time for 11 hours a day." in admin.text
    assert " EN" not in admin.text and "core)" not in admin.text
    assert t("en", "mt-board-title", cohort="Lima Exchange", offers=4, asks=3) in admin.text
    spare = t("en", "mt-person", id=str(await pid(app, 8213)), language=english,
              zone="UTC+1", track=core)
    assert t("en", "mt-board-waiting-offers", people=spare) in admin.text
    assert t("en", "mt-board-waiting-asks", people="").strip() not in admin.text  # all placed
    assert admin.labels()[:2] == [t("en", "mt-board-start", number=1),
                                  t("en", "mt-board-skip", number=1)]
    # Nothing is told to anyone before staff start a pair; the board is stable when reopened.
    assert await sent_to(app, 8201) == []
    await admin.send(f"/pair {lima}")
    assert await pairs(app) == {(8211, 8201), (8212, 8202), (8214, 8203)}
    assert len(await pairings(app)) == 3

    # Skipping Amina's pair proposes her the other Lagos mentor, never the skipped one again.
    await admin.press(t("en", "mt-board-skip", number=1))
    assert admin.texts[0].startswith(t("en", "mt-board-skipped"))
    assert (8213, 8201) in await pairs(app)
    assert (8211, 8201) not in await pairs(app)
    assert await audited(app, ADMIN_ID) == [
        ("newexchange", "ok"), ("invite", "ok"), ("pair", "ok"), ("pair", "ok"),
        ("pair-skip", "ok")]


async def test_starting_a_pair_tells_both_and_closes_their_requests(
        app: App, admin: ChatDriver) -> None:
    lima = await new_exchange(admin)
    code = await invite_code(admin, lima)
    mentee = await person(app, code, 8301, lang="fr")
    mentor = await person(app, code, 8302, LAGOS, lang="fr", experience="gt10")
    await offer(mentor, "fr")
    await ask(mentee, "fr")
    await admin.send(f"/pair {lima}")
    board = admin.screen[admin.message_id]
    await admin.press(admin.t("en", "mt-board-start", number=1))
    [pairing] = await pairings(app, "active")
    assert pairing.started_at == NOW.replace(tzinfo=pairing.started_at.tzinfo)
    assert admin.texts[0].startswith(admin.t("en", "mt-board-started", pair=str(pairing.id),
                                             mentor=str(pairing.mentor_id),
                                             mentee=str(pairing.mentee_id)))
    assert await requests(app) == set()
    [to_mentor] = await sent_to(app, 8302)
    [to_mentee] = await sent_to(app, 8301)
    assert to_mentor.text == mentor.t("fr", "mt-started-mentor")
    assert to_mentee.text == mentee.t("fr", "mt-started-mentee")
    assert to_mentee.buttons == [[[mentee.t("fr", "mt-write-mentor"), f"1:mtw:{pairing.id}"]]]
    assert ("pair-start", "ok") in await audited(app, ADMIN_ID)
    # The same board pressed again: a double tap, and that pair is done anyway.
    start = next(b for row in board.buttons for b in row
                 if b.label == admin.t("en", "mt-board-start", number=1))
    await admin.press_data(start.data)
    assert admin.last.toast == admin.t("en", "button-already-done")
    assert len(await sent_to(app, 8301)) == 1
    # Mentee and mentor now see the pairing, and no longer the request.
    await mentee.send("/mentor")
    assert mentee.t("fr", "mt-has-mentor", date="2 mars 2026") in mentee.text
    assert mentee.t("fr", "mt-ask") not in mentee.labels()


async def test_pairing_by_hand(app: App, admin: ChatDriver) -> None:
    lima = await new_exchange(admin)
    code = await invite_code(admin, lima)
    mentee = await person(app, code, 8401)
    far = await person(app, code, 8402, LOS_ANGELES, lang="es", experience="gt10")
    await offer(far, "es")
    await ask(mentee)
    t = admin.t
    await admin.send(f"/pair {lima}")
    await admin.press(t("en", "mt-board-skip", number=1))  # different languages: skipped…
    assert await pairs(app) == set()
    await admin.press(t("en", "mt-board-by-hand"))  # …until staff learn they share one
    assert admin.texts == [t("en", "mt-pick-mentor")]
    far_id, mentee_id = await pid(app, 8402), await pid(app, 8401)
    await admin.press(f"#{far_id} ")
    assert admin.texts == [t("en", "mt-pick-mentee", mentor=str(far_id))]
    assert all(f"#{far_id} " not in label for label in admin.labels())  # not themselves
    await admin.press(f"#{mentee_id} ")
    assert admin.texts[0].startswith(t("en", "mt-board-proposed"))
    assert await pairs(app) == {(8402, 8401)}
    assert t("en", "mt-why-languages-differ") in admin.text
    await admin.press(t("en", "mt-board-start", number=1))
    assert await pairs(app, "active") == {(8402, 8401)}
    # A pick from the earlier list, now that both are paired, is stale.
    await admin.press_data(buttons.data("mtm", "1", str(far_id), str(mentee_id)))
    assert admin.last.toast == t("en", "button-stale")
    assert [p.status for p in await pairings(app)] == ["ended", "active"]  # skipped, started


async def test_participants_and_other_cohorts_facilitators_are_refused(
        app: App, admin: ChatDriver) -> None:
    lima = await new_exchange(admin)
    await admin.send(f"/newcohort {lima} Youth")
    youth = f"{lima}-youth"
    code = await invite_code(admin, lima)
    mentee = await person(app, code, 8501)
    mentor = await person(app, code, 8502, LAGOS, experience="gt10")
    outsider = await join(app, await invite_code(admin, youth, "facilitator"), 8503)
    own = await join(app, await invite_code(admin, lima, "facilitator"), 8504)
    await offer(mentor)
    await ask(mentee)
    await admin.send(f"/pair {lima}")
    [proposal] = await pairings(app)
    async with app.sessions() as session:
        cohort_id = await session.scalar(select(Cohort.id).where(Cohort.slug == lima))
    assert cohort_id is not None
    t = admin.t

    await mentee.send(f"/pair {lima}")
    assert mentee.texts == [t("en", "staff-only")]
    await mentee.send("/pair")
    assert mentee.texts == [t("en", "staff-only")]
    for data in (buttons.data("mtp", str(proposal.id), "y"), buttons.data("mtl", str(cohort_id)),
                 buttons.data("mtm", str(cohort_id))):
        await mentee.press_data(data)
        assert mentee.texts == [t("en", "staff-only")], data
    assert await audited(app, 8501) == [("pair", "refused")] * 5

    await outsider.send(f"/pair {lima}")
    assert outsider.texts == [t("en", "not-your-cohort")]
    await outsider.send("/pair")  # their own cohort: fine, and empty
    assert t("en", "mt-board-empty") in outsider.text
    for data in (buttons.data("mtp", str(proposal.id), "y"),
                 buttons.data("mtm", str(cohort_id), str(proposal.mentor_id),
                              str(proposal.mentee_id))):
        await outsider.press_data(data)
        assert outsider.texts == [t("en", "not-your-cohort")], data
    assert await audited(app, 8503) == [("pair", "refused"), ("pair", "ok"),
                                        ("pair", "refused"), ("pair", "refused")]
    assert [p.status for p in await pairings(app)] == ["proposed"]
    assert await sent_to(app, 8501) == []

    # The cohort's own facilitator may.
    await own.send("/pair")
    await own.press(t("en", "mt-board-start", number=1))
    assert await pairs(app, "active") == {(8502, 8501)}
    for forged in ("1:mtp", "1:mtp:x:y", f"1:mtp:{proposal.id}:maybe", "1:mtp:99999:y",
                   "1:mtm:99999", "1:mtm:a", "1:mtl"):
        await own.press_data(forged)
        assert own.last.toast == t("en", "button-unknown"), forged


# -- the relay -------------------------------------------------------------------------------
async def paired(app: App, admin: ChatDriver) -> tuple[ChatDriver, ChatDriver, Pairing, str]:
    lima = await new_exchange(admin)
    code = await invite_code(admin, lima)
    mentee = await person(app, code, 8601)
    mentor = await person(app, code, 8602, LAGOS, experience="gt10")
    await offer(mentor)
    await ask(mentee)
    return mentee, mentor, await start_pair(app, admin, lima), lima


async def test_relay_both_ways_hides_who_wrote(app: App, admin: ChatDriver) -> None:
    mentee, mentor, pairing, _ = await paired(app, admin)
    t = mentee.t
    await mentee.send("/mentor")  # one pairing: the conversation opens at once
    assert t("en", "mt-talk-mentor") in mentee.text
    await mentee.send("How do I prepare for a police interview?")
    assert mentee.texts == [t("en", "mt-sent-mentor")]
    [row] = await sent_to(app, 8602, "mtr:")
    assert row.text == t("en", "mt-from-mentee") + "\nHow do I prepare for a police interview?"
    assert "8601" not in row.text and not row.html
    assert row.buttons == [[[t("en", "mt-answer"), f"1:mtw:{pairing.id}"]]]
    await mentor.press_data(row.buttons[0][0][1])  # Reply, on the relayed message
    assert t("en", "mt-talk-mentee") in mentor.text
    assert not mentor.last.replies[0].edit  # the relayed text stays on screen
    await mentor.send("Start with your rights card.")
    [back] = await sent_to(app, 8601, "mtr:")
    assert back.text == t("en", "mt-from-mentor") + "\nStart with your rights card."
    # Already in the conversation, the answer button costs no message.
    await mentee.send("Thank you!")
    [_, thanks] = await sent_to(app, 8602, "mtr:")
    await mentor.press_data(thanks.buttons[0][0][1],
                            message_id=mentor.message_id + 1)  # the relayed message's id
    assert mentor.last.replies == () and mentor.last.toast == t("en", "mt-type-reply")
    # Media and edits are not relayed.
    await mentor.send_kind(Kind.OTHER, "photo")
    assert mentor.texts[0] == t("en", "media-not-read")
    await mentor.send_kind(Kind.EDITED)
    assert mentor.texts == [t("en", "edit-not-read")]
    assert len(await sent_to(app, 8601, "mtr:")) == 1
    # The way out: the menu, after which text is not relayed.
    await mentor.press(t("en", "mt-menu"))
    assert mentor.texts == [t("en", "menu-title")]
    await mentor.send("this stays here")
    assert mentor.texts == [t("en", "use-buttons")]
    assert len(await sent_to(app, 8601, "mtr:")) == 1


async def test_a_mentor_of_two_picks_the_conversation(app: App, admin: ChatDriver) -> None:
    _, mentor, first, lima = await paired(app, admin)
    second_mentee = await person(app, await invite_code(admin, lima), 8604)
    await offer(mentor)  # once more, for a second mentee
    await ask(second_mentee)
    await admin.send(f"/pair {lima}")
    await admin.press(admin.t("en", "mt-board-start", number=1))
    second = (await pairings(app, "active"))[-1]
    t = mentor.t
    await mentor.send("/mentor")
    assert mentor.labels()[:2] == [t("en", "mt-write-mentee-pair", pair=str(first.id)),
                                   t("en", "mt-write-mentee-pair", pair=str(second.id))]
    await mentor.send("to whom?")  # no conversation is open: nothing goes anywhere
    assert mentor.texts == [t("en", "use-buttons")]
    await second_mentee.send("/mentor")
    await second_mentee.send("Hello from the second")
    [row] = await sent_to(app, 8602, "mtr:")
    assert row.text.startswith(t("en", "mt-from-mentee-pair", pair=str(second.id)) + "\n")
    await mentor.press(t("en", "mt-write-mentee-pair", pair=str(first.id)))
    await mentor.send("Hello, first mentee")
    assert [r.text for r in await sent_to(app, 8601, "mtr:")] == [
        t("en", "mt-from-mentor") + "\nHello, first mentee"]
    assert await sent_to(app, 8604, "mtr:") == []


async def test_relayed_words_are_not_kept_once_sent(app: App, admin: ChatDriver) -> None:
    mentee, mentor, _, _ = await paired(app, admin)
    await mentee.send("/mentor")
    await mentee.send("first words")
    async with app.sessions() as session:  # as the dispatcher would, once it went out
        await session.execute(update(OutboxMessage).where(OutboxMessage.key.startswith("mtr:"))
                              .values(status="sent"))
        await session.commit()
    await mentee.send("second words")
    first, second = await sent_to(app, 8602, "mtr:")
    assert (first.text, second.text) == ("", mentee.t("en", "mt-from-mentee") + "\nsecond words")
    async with app.sessions() as session:  # blank in the file itself, not just decrypted
        raw = await session.scalar(select(type_coerce(OutboxMessage.text, Text))
                                   .where(OutboxMessage.id == first.id))
        assert raw == ""
        await session.execute(update(OutboxMessage).where(OutboxMessage.id == second.id)
                              .values(status="unknown"))
        await session.commit()
    await mentor.send("/mentor")
    await mentor.press(mentor.t("en", "mt-end"))
    await mentor.press(mentor.t("en", "mt-end-yes"))  # ending blanks what went out since
    assert [row.text for row in await sent_to(app, 8602, "mtr:")] == ["", ""]


async def test_long_texts_are_refused_whole(app: App, admin: ChatDriver) -> None:
    mentee, _, _, _ = await paired(app, admin)
    await mentee.send("/mentor")
    await mentee.send("x" * (MAX_RELAY + 1))
    assert mentee.texts == [mentee.t("en", "mt-too-long", length=MAX_RELAY + 1, max=MAX_RELAY)]
    await mentee.send("y" * 4000)
    assert mentee.texts == [mentee.t("en", "mt-too-long", length=4000, max=MAX_RELAY)]
    assert await sent_to(app, 8602, "mtr:") == []
    await mentee.send("z" * MAX_RELAY)  # the limit itself passes
    [row] = await sent_to(app, 8602, "mtr:")
    assert row.text.endswith("z" * MAX_RELAY)


async def test_quiet_hours_hold_a_relayed_text(app: App, admin: ChatDriver) -> None:
    mentee, _, _, _ = await paired(app, admin)
    async with app.sessions() as session:  # the mentor sleeps 08:00-16:00 Lagos time
        await session.execute(update(Participant).where(Participant.telegram_id == 8602)
                              .values(quiet_start=8 * 60, quiet_end=16 * 60))
        await session.commit()
    await mentee.send("/mentor")
    await mentee.send("No rush")
    assert mentee.texts == [mentee.t("en", "mt-sent-mentor") + " "
                            + mentee.t("en", "mt-sent-later", time="16:00")]
    [row] = await sent_to(app, 8602, "mtr:")
    assert row.next_attempt_at == datetime(2026, 3, 2, 15, 0, tzinfo=UTC).replace(
        tzinfo=row.next_attempt_at.tzinfo)


async def test_sharing_accounts_needs_both(app: App, admin: ChatDriver) -> None:
    mentee, mentor, pairing, _ = await paired(app, admin)
    t = mentee.t
    await mentee.send("/mentor")
    await mentee.press(t("en", "mt-reveal"))
    assert mentee.texts == [t("en", "mt-reveal-ask-mentor")]
    await mentee.press(t("en", "mt-cancel"))
    assert t("en", "mt-reveal-waiting-mentor") not in mentee.text
    await mentee.press(t("en", "mt-reveal"))
    await mentee.press(t("en", "mt-reveal-yes"))
    assert t("en", "mt-reveal-waiting-mentor") in mentee.text
    assert "tg://" not in mentee.text
    [asked] = await sent_to(app, 8602, "mtv:")
    assert asked.text == t("en", "mt-reveal-offered-mentee") and "8601" not in asked.text
    # A change of mind, and back: the mentor is asked once.
    await mentee.press(t("en", "mt-reveal-undo"))
    await mentee.press(t("en", "mt-reveal"))
    await mentee.press(t("en", "mt-reveal-yes"))
    assert len(await sent_to(app, 8602, "mtv:")) == 1

    await mentor.press_data(asked.buttons[0][0][1])
    await mentor.press(t("en", "mt-reveal-yes"))
    reply = mentor.last.replies[0]
    assert reply.html and '<a href="tg://user?id=8601">' in reply.text
    assert t("en", "mt-reveal") not in mentor.labels()
    [link] = await sent_to(app, 8601, "mtk:")
    assert link.html and '<a href="tg://user?id=8602">' in link.text
    # Nothing left to change once both shared.
    await mentee.press_data(buttons.data("mtv", str(pairing.id), "undo"))
    assert mentee.last.toast == t("en", "button-stale")


async def test_ending_and_relaying_after(app: App, admin: ChatDriver) -> None:
    mentee, mentor, pairing, _ = await paired(app, admin)
    t = mentee.t
    await mentee.send("/mentor")  # in the conversation
    await mentor.send("/mentor")
    await mentor.press(t("en", "mt-end"))
    assert mentor.texts == [t("en", "mt-end-ask")]
    await mentor.press(t("en", "mt-cancel"))
    assert [p.status for p in await pairings(app)] == ["active"]
    await mentor.press(t("en", "mt-end"))
    await mentor.press(t("en", "mt-end-yes"))
    assert mentor.texts == [t("en", "mt-ended-you"), t("en", "menu-title")]
    [ended] = await sent_to(app, 8601, "mte:")
    assert ended.text == t("en", "mt-ended-by-mentor")
    # The mentee, still in the conversation, writes: nothing is sent.
    await mentee.send("Are you there?")
    assert mentee.texts == [t("en", "mt-ended"), t("en", "menu-title")]
    assert await sent_to(app, 8602, "mtr:") == []
    # Old buttons: the answer button says it ended; confirmations are stale.
    await mentee.press_data(buttons.data("mtw", str(pairing.id)))
    assert mentee.texts == [t("en", "mt-ended-already")]
    await mentor.press_data(buttons.data("mte", str(pairing.id), "yes"))
    assert mentor.last.toast == t("en", "button-stale")
    await mentee.send("/mentor")
    assert t("en", "mt-ask") in mentee.labels()  # free to ask again


async def test_forged_buttons_never_reach_someone_elses_pairing(app: App,
                                                               admin: ChatDriver) -> None:
    _, _, pairing, lima = await paired(app, admin)
    stranger = await person(app, await invite_code(admin, lima), 8603)
    for data in (buttons.data("mtw", str(pairing.id)), buttons.data("mte", str(pairing.id), "yes"),
                 buttons.data("mtv", str(pairing.id), "yes"),
                 buttons.data("mtx", str(pairing.id), "yes"), "1:mtw:abc", "1:mtw:1:x",
                 "1:mtq:1"):
        await stranger.press_data(data)
        assert stranger.last.toast == stranger.t("en", "button-unknown"), data
    assert [p.status for p in await pairings(app)] == ["active"]
    assert not (await pairings(app))[0].mentor_reveals
    async with app.sessions() as session:
        step = await session.scalar(select(Participant.step)
                                    .where(Participant.telegram_id == 8603))
    assert step != TALK_STEP


async def test_a_report_reaches_the_facilitator_of_the_week_and_coordinators(
        app: App, admin: ChatDriver) -> None:
    mentee, mentor, pairing, lima = await paired(app, admin)
    week = await join(app, await invite_code(admin, lima, "facilitator"), 8610)
    await join(app, await invite_code(admin, lima, "facilitator"), 8611)  # not this week
    await join(app, await invite_code(admin, lima), 8612)
    await admin.send("/role 8612 coordinator")
    await week.send("/rotate")
    await mentee.send("/mentor")
    await mentee.send("Something my mentor said worries me")
    t = mentee.t
    await mentee.press(t("en", "mt-report"))
    assert mentee.texts == [t("en", "mt-report-ask")]
    await mentee.press(t("en", "mt-report-yes"))
    assert mentee.texts == [t("en", "mt-report-done")]
    mentee_id = await pid(app, 8601)
    expected = t("en", "mt-alert-by-mentee", pair=str(pairing.id), cohort="Lima Exchange",
                 person=str(mentee_id))
    for user_id in (8610, 8612, ADMIN_ID):
        [alert] = await sent_to(app, user_id, "mtx:")
        assert alert.html and alert.text.startswith(expected), user_id
        assert '<a href="tg://user?id=8601">' in alert.text
        assert "worries" not in alert.text
    for user_id in (8611, 8602):  # another facilitator; the mentor themselves
        assert await sent_to(app, user_id, "mtx:") == []
    # The mentee may end it from there.
    await mentee.press(t("en", "mt-end"))
    await mentee.press(t("en", "mt-end-yes"))
    assert [p.status for p in await pairings(app)] == ["ended"]
    # Reporting stays open after the end (a problem may be why it ended).
    await mentor.press_data(buttons.data("mtx", str(pairing.id), "ask"))
    await mentor.press(t("en", "mt-report-yes"))
    assert mentor.texts == [t("en", "mt-report-done")]
    assert len(await sent_to(app, 8610, "mtx:")) == 2


async def test_the_reported_facilitator_is_not_told(app: App, admin: ChatDriver) -> None:
    """A facilitator of the week who mentors is a party: the report skips them."""
    lima = await new_exchange(admin)
    code = await invite_code(admin, lima)
    mentee = await person(app, code, 8701)
    facilitator = await join(app, await invite_code(admin, lima, "facilitator"), 8702)
    async with app.sessions() as session:
        await session.execute(update(Cohort).where(Cohort.slug == lima).values(
            facilitator_id=await pid(app, 8702)))
        await session.commit()
    await facilitator.send("/assessment")
    await facilitator.press_data(buttons.data("asm", "go"))
    for question, value in (("role", "trainer"), ("focus", "other"), ("experience", "gt10"),
                            ("safety", "yes"), ("resources", "done"),
                            *((f"rate-{s}", "4") for s in CORE_SKILLS), ("note", "skip")):
        await facilitator.press_data(buttons.data("as", question, value))
    await offer(facilitator)
    await ask(mentee)
    pairing = await start_pair(app, admin, lima)
    await mentee.press_data(buttons.data("mtx", str(pairing.id), "yes"))
    assert mentee.texts == [mentee.t("en", "mt-report-done")]
    assert await sent_to(app, 8702, "mtx:") == []
    assert len(await sent_to(app, ADMIN_ID, "mtx:")) == 1


async def test_pairing_and_relay_on_postgres(postgres_app: App) -> None:
    """Row locks, deletes and the safety-contact query on PostgreSQL too."""
    admin = ChatDriver(postgres_app, ADMIN_ID)
    mentee, _, pairing, _ = await paired(postgres_app, admin)
    await mentee.send("/mentor")
    await mentee.send("hello")
    assert mentee.texts == [mentee.t("en", "mt-sent-mentor")]
    assert len(await sent_to(postgres_app, 8602, "mtr:")) == 1
    await mentee.press_data(buttons.data("mtx", str(pairing.id), "yes"))
    assert len(await sent_to(postgres_app, ADMIN_ID, "mtx:")) == 1
    await mentee.press_data(buttons.data("mte", str(pairing.id), "yes"))
    assert [p.status for p in await pairings(postgres_app)] == ["ended"]
    await admin.send("/pair lima-exchange")
    assert admin.t("en", "mt-board-empty") in admin.text

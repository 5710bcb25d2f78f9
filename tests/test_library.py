"""The knowledge hub through the core model, and the download end to end on both frameworks:
browsing by type, track and word in the person's language, sizes before download, forged
buttons; stories and after-action reviews submitted with the author's consent, reviewed by a
coordinator, and never published without both."""

from __future__ import annotations

import re

from sqlalchemy import select

from bot.app import App
from bot.core import Document
from handlers.offline import size_label
from storage.models import AuditEntry, LibrarySubmission, OutboxMessage
from tests.chat_driver import ChatDriver
from tests.cohort_helpers import invite_code, join, new_exchange
from tests.fake_telegram import FakeTelegram
from tests.telegram_user import TelegramUser
from tests.test_bad_input import set_role
from tests.test_e2e import onboard

STORY = ("We moved the assembly indoors when the counter-group arrived, and the stewards "
         "kept everyone together. Next time we will plan the indoor option from the start.")


def titles(app: App, lang: str, type_: str) -> list[str]:
    items = [i for i in app.deps.content.library.values() if i.type == type_]
    return sorted(i.text_for(lang)[0].title for i in items)


def document(chat: ChatDriver) -> Document:
    [reply] = chat.last.replies
    assert reply.document is not None
    return reply.document


async def submissions(app: App) -> list[LibrarySubmission]:
    async with app.sessions() as session:
        return list(await session.scalars(select(LibrarySubmission)
                                          .order_by(LibrarySubmission.id)))


async def outbox_to(app: App, chat_id: int) -> list[OutboxMessage]:
    async with app.sessions() as session:
        return list(await session.scalars(select(OutboxMessage).where(
            OutboxMessage.chat_id == chat_id).order_by(OutboxMessage.id)))


# -- browsing ---------------------------------------------------------------------------------
async def test_browse_by_type_with_summaries_and_sizes(app: App, admin: ChatDriver) -> None:
    person = await join(app, await invite_code(admin, await new_exchange(admin)), 7101)
    await person.send("/library")
    assert person.text == person.t("en", "library-home")
    cases = titles(app, "en", "case-study")
    label = person.t("en", "library-types-case-study", count=len(cases))
    assert label in person.labels()
    await person.press(label)
    listing = person.text
    assert listing.startswith(label)
    for number, title in enumerate(cases, 1):
        assert f"{number}. {title}" in listing
    item = next(i for i in app.deps.content.library.values() if i.texts["en"].title == cases[0])
    assert item.texts["en"].summary in listing
    button = next(b for b in person.labels() if b.startswith("⬇ 1 "))
    await person.press(button)
    got = document(person)
    assert got.filename == f"{item.id}-en.txt"
    assert f"({size_label(len(got.content))})" in button  # the size shown is the size sent
    assert person.last.toast == person.t("en", "library-sent")
    body = got.content.decode()
    assert body.startswith(item.texts["en"].title + "\n")
    assert item.texts["en"].body in body


async def test_browse_by_track_in_spanish_and_french(app: App, admin: ChatDriver) -> None:
    code = await invite_code(admin, await new_exchange(admin))
    housing = app.deps.content.track("housing-justice")
    assert housing is not None
    case = app.deps.content.library["tenant-union-case"]
    for user_id, lang in ((7102, "es"), (7103, "fr")):
        person = await join(app, code, user_id, lang=lang)
        await person.send("/library")
        await person.press(person.t(lang, "library-by-track"))
        await person.press(housing.titles[lang])
        text, fallback = case.text_for(lang)
        assert not fallback and text.language == lang  # their own language, unmarked
        assert f"1. {text.title}\n{text.summary}" in person.text
        await person.press("⬇ 1 ")
        assert document(person).filename == f"tenant-union-case-{text.language}.txt"
        assert text.body in document(person).content.decode()


async def test_search_by_word_or_tag(app: App, admin: ChatDriver) -> None:
    code = await invite_code(admin, await new_exchange(admin))
    person = await join(app, code, 7104)
    await person.send("/library observers")  # a tag
    assert person.text.startswith(person.t("en", "library-found", count=1))
    assert app.deps.content.library["legal-observer-toolkit"].texts["en"].title in person.text
    await person.send("/library floods ría clara")  # a tag and words of the title
    assert person.text.startswith(person.t("en", "library-found", count=1))
    assert "1. Case study: the Ría Clara" in person.text
    await person.send("/library submarine")
    assert person.texts == [person.t("en", "library-none"), person.t("en", "library-home")]
    spanish = await join(app, code, 7108, lang="es")
    await spanish.send("/library inquilinos")  # in the person's language
    case = app.deps.content.library["tenant-union-case"].texts["es"]
    assert f"1. {case.title}" in spanish.text


async def test_forged_and_stale_library_buttons(app: App, admin: ChatDriver) -> None:
    person = await join(app, await invite_code(admin, await new_exchange(admin)), 7105)
    await person.send("/library")
    for data in ("1:lbd:c:no-such-item", "1:lbd:s:x", "1:lbd:s:1", "1:lbd:x:1", "1:lbd",
                 "1:lbl:t.video:0", "1:lbl:k.nowhere:0", "1:lbl:t.checklist:x",
                 "1:lbl:t.checklist", "1:lb:x", "1:lbr:1", "1:lbc:1:maybe", "1:lbc:x:y",
                 "1:lbk:poem", "1:lbs:1", "1:lbx:1", "1:lbv:1:z"):
        outcome = await person.press_data(data)
        assert outcome.toast == person.t("en", "button-unknown"), data
        assert all(r.document is None for r in outcome.replies), data
    outcome = await person.press_data("1:lbl:t.checklist:9")  # a page that no longer exists
    assert outcome.toast == person.t("en", "button-stale")
    for data in ("1:lbk:story", "1:lbs", "1:lbx"):  # submit buttons outside /submit
        outcome = await person.press_data(data)
        assert outcome.toast == person.t("en", "button-stale"), data


# -- submitting -------------------------------------------------------------------------------
async def write(chat: ChatDriver, title: str = "Indoors in time", text: str = STORY,
                kind: str = "story") -> None:
    await chat.press(chat.t("en", f"library-type-{kind}"))
    assert chat.text == chat.t("en", "library-submit-title", max=120)
    await chat.send(title)
    assert chat.text == chat.t("en", "library-submit-text", max=3000)
    await chat.send(text)


async def test_own_story_reviewed_then_published(app: App, admin: ChatDriver) -> None:
    person = await join(app, await invite_code(admin, await new_exchange(admin)), 7106)
    await person.send("/submit")
    assert person.text == person.t("en", "library-submit-kind")
    await write(person)
    assert STORY in person.text and person.t("en", "library-submit-confirm") in person.text
    await person.press(person.t("en", "library-share"))
    assert person.text == person.t("en", "library-submit-sent")
    [row] = await submissions(app)
    assert (row.status, row.kind, row.title, row.text) == ("awaiting", "story",
                                                           "Indoors in time", STORY)
    await person.send("/library")  # not published before a coordinator approves it
    assert not any(b.startswith(person.t("en", "library-types-story", count=1))
                   for b in person.labels())

    await admin.send("/submissions")
    assert admin.text.startswith(admin.t("en", "library-review-head", count=1, id=row.id,
                                         kind="Story", language="English",
                                         date="2 Mar 2026"))
    assert STORY in admin.text
    await admin.press(admin.t("en", "library-approve"))  # asks first: nothing is public yet
    assert admin.text == admin.t("en", "library-publish-ask", title="Indoors in time")
    [row] = await submissions(app)
    assert row.status == "awaiting"
    await admin.press(admin.t("en", "library-publish-back"))
    assert STORY in admin.text  # the submission again, to decide afresh
    await admin.press(admin.t("en", "library-approve"))
    await admin.press(admin.t("en", "library-publish-yes"))
    assert admin.text == "\n\n".join([
        admin.t("en", "library-review-approved", title="Indoors in time"),
        admin.t("en", "library-review-none")])
    [row] = await submissions(app)
    assert row.status == "approved" and row.decided_at is not None
    [notice] = await outbox_to(app, 7106)
    assert notice.text == person.t("en", "library-approved", title="Indoors in time")

    await person.send("/library")
    await person.press(person.t("en", "library-types-story", count=1))
    assert "1. Indoors in time" in person.text
    await person.press("⬇ 1 ")
    got = document(person)
    assert got.filename == f"story-{row.id}.txt"
    body = got.content.decode()
    assert STORY in body and "7106" not in body  # the author is never named
    await person.send("/library indoor")  # and found by its words
    assert "1. Indoors in time" in person.text


async def test_bad_titles_and_texts_are_asked_again(app: App, admin: ChatDriver) -> None:
    person = await join(app, await invite_code(admin, await new_exchange(admin)), 7107)
    await person.send("/submit")
    await person.press(person.t("en", "library-type-after-action"))
    await person.send("Hi")
    assert person.text.startswith(person.t("en", "library-title-length", min=3, max=120,
                                           length=2))
    await person.send("The march")
    await person.send("Too short.")
    assert person.text.startswith(person.t("en", "library-text-length", min=20, max=3000,
                                           length=10))
    await person.send("x" * 3001)
    assert person.text.startswith(person.t("en", "library-text-length", min=20, max=3000,
                                           length=3001))
    await person.press(person.t("en", "library-cancel"))
    assert person.text == person.t("en", "library-submit-cancelled")
    assert await submissions(app) == []
    outcome = await person.press_data("1:lbs")  # the cancelled draft cannot be sent
    assert outcome.toast == person.t("en", "button-stale")
    assert await submissions(app) == []


async def staff_and_author(app: App, admin: ChatDriver) -> tuple[ChatDriver, ChatDriver]:
    cohort = await new_exchange(admin)
    facilitator = await join(app, await invite_code(admin, cohort, "facilitator"), 7201)
    author = await join(app, await invite_code(admin, cohort), 7202, lang="es")
    return facilitator, author


async def ask_on_behalf(facilitator: ChatDriver, author_id: int) -> None:
    await facilitator.send(f"/submit {author_id}")
    assert facilitator.text.startswith(facilitator.t("en", "library-submit-for",
                                                     user=str(author_id)))
    await write(facilitator, title="Rotating the stewards", kind="after-action")
    assert facilitator.t("en", "library-submit-confirm-behalf") in facilitator.text
    await facilitator.press(facilitator.t("en", "library-ask-author"))
    assert facilitator.text == facilitator.t("en", "library-submit-asked")


async def consent_buttons(app: App, author: ChatDriver) -> dict[str, str]:
    [question] = await outbox_to(app, author.user_id)
    assert "Rotating the stewards" in question.text and STORY in question.text
    assert question.text.startswith(author.t("es", "library-consent-ask", kind=author.t(
        "es", "library-type-after-action"), title="", text="").split("\n")[0])
    return {label: data for row in question.buttons for label, data in row}


async def test_on_behalf_needs_the_authors_yes(app: App, admin: ChatDriver) -> None:
    facilitator, author = await staff_and_author(app, admin)
    await ask_on_behalf(facilitator, author.user_id)
    [row] = await submissions(app)
    assert row.status == "asking"
    # Without the author's answer: not for review, not in the hub, not downloadable.
    await admin.send("/submissions")
    assert admin.texts == [admin.t("en", "library-review-none")]
    for verdict in ("a", "p"):  # neither asking to publish nor publishing
        outcome = await admin.press_data(f"1:lbv:{row.id}:{verdict}")
        assert outcome.toast == admin.t("en", "button-unknown")
    outcome = await facilitator.press_data(f"1:lbd:s:{row.id}")
    assert outcome.toast == facilitator.t("en", "button-unknown")
    assert (await submissions(app))[0].status == "asking"
    # Nobody but the author can answer for them.
    answers = await consent_buttons(app, author)
    outcome = await facilitator.press_data(answers[author.t("es", "library-consent-yes")])
    assert outcome.toast == facilitator.t("en", "button-unknown")
    assert (await submissions(app))[0].status == "asking"

    await author.press_data(answers[author.t("es", "library-consent-yes")], message_id=900)
    assert author.text == author.t("es", "library-consent-thanks")
    assert (await submissions(app))[0].status == "awaiting"
    notices = [m.text for m in await outbox_to(app, facilitator.user_id)]
    assert notices == [facilitator.t("en", "library-consent-given",
                                     title="Rotating the stewards")]
    again = await author.press_data(answers[author.t("es", "library-consent-no")],
                                    message_id=900)
    assert again.toast == author.t("es", "button-stale")  # answered already
    assert (await submissions(app))[0].status == "awaiting"

    await admin.send("/submissions")
    await admin.press(admin.t("en", "library-decline"))
    assert admin.text.startswith(admin.t("en", "library-review-declined",
                                         title="Rotating the stewards"))
    [row] = await submissions(app)
    assert row.status == "declined"
    assert (await outbox_to(app, author.user_id))[-1].text == author.t(
        "es", "library-declined", title="Rotating the stewards")
    await author.send("/library")  # the content's own after-action reviews, no more
    reviews = len(titles(app, "es", "after-action"))
    home = [b.label for row in author.last.replies[0].buttons for b in row]
    assert author.t("es", "library-types-after-action", count=reviews) in home
    await author.send("/library stewards")
    assert author.texts[0] == author.t("es", "library-none")  # declined: never published
    async with app.sessions() as session:
        actions = list(await session.scalars(select(AuditEntry.action).where(
            AuditEntry.outcome == "ok").order_by(AuditEntry.id)))
    assert actions[-4:] == ["submit", "submissions", "submissions", "lb-decline"]


async def test_an_author_who_says_no_leaves_nothing_behind(app: App, admin: ChatDriver) -> None:
    facilitator, author = await staff_and_author(app, admin)
    await ask_on_behalf(facilitator, author.user_id)
    answers = await consent_buttons(app, author)
    await author.press_data(answers[author.t("es", "library-consent-no")], message_id=900)
    assert author.text == author.t("es", "library-consent-deleted")
    assert await submissions(app) == []
    [notice] = await outbox_to(app, facilitator.user_id)
    assert notice.text == facilitator.t("en", "library-consent-refused",
                                        title="Rotating the stewards")
    again = await author.press_data(answers[author.t("es", "library-consent-yes")],
                                    message_id=900)
    assert again.toast == author.t("es", "button-stale")
    assert await submissions(app) == []


async def test_who_may_submit_for_whom(app: App, admin: ChatDriver) -> None:
    facilitator, author = await staff_and_author(app, admin)
    other = await join(app, await invite_code(admin, await new_exchange(admin, "Quito")), 7203)
    await author.send(f"/submit {other.user_id}")  # a participant, for someone else
    assert author.texts == [author.t("es", "staff-only")]
    for target in (other.user_id, 999999):  # another cohort, or nobody: the same answer
        await facilitator.send(f"/submit {target}")
        assert facilitator.texts == [facilitator.t("en", "library-author-unknown")]
    await facilitator.send("/submit someone")
    assert facilitator.texts == [facilitator.t("en", "library-submit-usage")]
    # A coordinator who never joined a cohort is staff all the same, for any cohort.
    await admin.send(f"/submit {other.user_id}")
    assert admin.texts[0].startswith(admin.t("en", "library-submit-for", user=str(other.user_id)))
    await other.send("/submissions")
    assert other.texts == [other.t("en", "admin-only")]
    outcome = await other.press_data("1:lbv:1:a")
    assert outcome.replies[0].text == other.t("en", "admin-only")
    async with app.sessions() as session:
        refused = list(await session.scalars(select(AuditEntry.action).where(
            AuditEntry.outcome == "refused").order_by(AuditEntry.id)))
        invalid = list(await session.scalars(select(AuditEntry.target).where(
            AuditEntry.outcome == "invalid").order_by(AuditEntry.id)))
    assert refused == ["submit", "submissions", "lb-review"]
    assert invalid == [str(other.user_id), "999999"]
    assert await submissions(app) == []


async def test_a_facilitator_who_lost_the_role_cannot_send(app: App,
                                                         admin: ChatDriver) -> None:
    facilitator, author = await staff_and_author(app, admin)
    await facilitator.send(f"/submit {author.user_id}")
    await write(facilitator, kind="after-action")
    await set_role(app, facilitator.user_id, "participant")
    await facilitator.press(facilitator.t("en", "library-ask-author"))
    assert facilitator.texts == [facilitator.t("en", "staff-only")]
    assert await submissions(app) == []
    assert await outbox_to(app, author.user_id) == []  # the author is never asked


# -- end to end -------------------------------------------------------------------------------
async def test_library_download_through_telegram(bot: App, telegram: FakeTelegram) -> None:
    user = TelegramUser(telegram, 717272)
    await onboard(bot, telegram, user)
    [home] = await user.send("/library")
    assert home.text == bot.deps.translator.format("en", "library-home")
    templates = titles(bot, "en", "template")
    _, [listing] = await user.press(bot.deps.translator.format(
        "en", "library-types-template", {"count": len(templates)}))
    assert listing.message_id == home.message_id  # browsing edits one message
    assert listing.text is not None and f"1. {templates[0]}" in listing.text
    label = next(text for row in listing.buttons for text, _ in row if text.startswith("⬇ 1 "))
    _, [sent] = await user.press(label)
    assert sent.document is not None
    filename, data = sent.document
    item = next(i for i in bot.deps.content.library.values()
                if i.texts["en"].title == templates[0])
    assert filename == f"{item.id}-en.txt"
    assert item.texts["en"].body in data.decode()
    assert re.search(rf"\({re.escape(size_label(len(data)))}\)", label)

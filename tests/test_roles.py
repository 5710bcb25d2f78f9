"""Roles and cohorts: every admin command for every role, cohort handles, invite codes for a
role, granting roles, the facilitator-of-the-week rotation, and the audit trail."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.app import App
from storage.models import AuditEntry, Cohort, Exchange, InviteCode, OutboxMessage, Participant
from tests.chat_driver import ChatDriver
from tests.cohort_helpers import invite_code, join, new_exchange

# Every admin command, with arguments that would work for a coordinator.
COORDINATOR_ONLY = ["/newexchange X 2026-01-01 2026-01-02", "/newcohort lima-exchange Youth",
                    "/cohorts", "/invite lima-exchange", "/codes lima-exchange",
                    "/revoke AAAAAAAAAA", "/role 1 facilitator", "/audit",
                    "/checkins lima-exchange 7,30", "/addsession lima-exchange", "/submissions",
                    "/stats", "/export"]
STAFF = ["/rotate lima-exchange", "/broadcast lima-exchange", "/schedule lima-exchange",
         "/alias Sam", "/report lima-exchange", "/feedback", "/pair", "/incidents",
         "/broadcasts"]


async def audited(app: App, actor: int, outcome: str) -> list[str]:
    async with app.sessions() as session:
        rows = await session.scalars(select(AuditEntry).where(
            AuditEntry.actor_id == actor, AuditEntry.outcome == outcome).order_by(AuditEntry.id))
        return [row.action for row in rows]


async def role_of(app: App, user_id: int) -> str:
    async with app.sessions() as session:
        found = await session.scalar(select(Participant.role)
                                     .where(Participant.telegram_id == user_id))
    assert found is not None
    return found


async def test_participants_are_refused_every_admin_command(app: App, admin: ChatDriver
                                                            ) -> None:
    cohort = await new_exchange(admin)
    person = await join(app, await invite_code(admin, cohort), 7001)
    for command in COORDINATOR_ONLY:
        await person.send(command)
        assert person.texts == [person.t("en", "admin-only")], command
    for command in STAFF:
        await person.send(command)
        assert person.texts == [person.t("en", "staff-only")], command
    refused = await audited(app, 7001, "refused")
    assert refused == [c.split()[0][1:] for c in COORDINATOR_ONLY + STAFF]
    async with app.sessions() as session:  # and nothing happened
        assert await session.scalar(select(Cohort).where(Cohort.name == "Youth")) is None
        assert await session.scalar(select(OutboxMessage)) is None


async def test_facilitators_act_on_their_own_cohort_only(app: App, admin: ChatDriver) -> None:
    lima = await new_exchange(admin)
    await admin.send(f"/newcohort {lima} Youth organisers")
    assert admin.texts == [admin.t("en", "newcohort-done", exchange="Lima Exchange",
                                   cohort="Youth organisers", slug=f"{lima}-youth-organisers")]
    youth = f"{lima}-youth-organisers"
    facilitator = await join(app, await invite_code(admin, youth, "facilitator"), 7002)
    assert await role_of(app, 7002) == "facilitator"
    for command in COORDINATOR_ONLY:
        await facilitator.send(command)
        assert facilitator.texts == [facilitator.t("en", "admin-only")], command
    for command in ("/rotate", "/broadcast", "/schedule"):  # the first cohort is not theirs
        await facilitator.send(f"{command} {lima}")
        assert facilitator.texts == [facilitator.t("en", "not-your-cohort")], command
    await facilitator.send("/rotate nowhere")  # unknown looks the same as out of reach
    assert facilitator.texts == [facilitator.t("en", "not-your-cohort")]
    await facilitator.send("/rotate")  # their own
    assert facilitator.text.startswith("Facilitator of the week for Youth organisers")
    refused = await audited(app, 7002, "refused")
    assert refused == [c.split()[0][1:] for c in COORDINATOR_ONLY] + [
        "rotate", "broadcast", "schedule", "rotate"]
    assert await audited(app, 7002, "ok") == ["rotate"]


async def test_invites_per_cohort_and_role_list_and_revoke(app: App, admin: ChatDriver) -> None:
    lima = await new_exchange(admin)
    await admin.send(f"/newcohort {lima} Youth")
    participant_code = await invite_code(admin, "lima exchange")  # the name: first cohort
    facilitator_code = await invite_code(admin, f"{lima}-youth", "facilitator")
    await admin.send(f"/codes {lima}-youth")
    assert facilitator_code in admin.text and "facilitator" in admin.text
    assert participant_code not in admin.text
    await admin.send(f"/revoke {facilitator_code}")
    assert admin.texts == [admin.t("en", "revoke-done", code=facilitator_code)]
    late = ChatDriver(app, user_id=7003)
    await late.send(f"/start {facilitator_code}")
    assert late.texts == [late.t("en", "join-invalid")]
    await admin.send(f"/codes {lima}-youth")
    assert admin.t("en", "code-revoked") in admin.text
    joined = await join(app, participant_code, 7004)
    assert joined.texts  # reached the menu
    async with app.sessions() as session:
        used = await session.scalar(select(InviteCode).where(InviteCode.code == participant_code))
    assert used is not None and used.uses == 1 and used.role == "participant"


async def test_roles_are_granted_and_checked_on_every_command(app: App,
                                                             admin: ChatDriver) -> None:
    lima = await new_exchange(admin)
    person = await join(app, await invite_code(admin, lima), 7005)
    await person.send("/cohorts")
    assert person.texts == [person.t("en", "admin-only")]
    await admin.send("/role 7005 coordinator")
    assert admin.texts == [admin.t("en", "role-done", user="7005", role="coordinator")]
    await person.send("/cohorts")  # now a coordinator by the database
    assert lima in person.text
    await admin.send("/role 7005 participant")
    await person.send("/cohorts")  # and no longer: checked again, not remembered
    assert person.texts == [person.t("en", "admin-only")]
    entries = [(e.action, e.target, e.outcome) for e in await _audit(app, 900001)]
    assert ("role", "7005 coordinator", "ok") in entries
    assert ("role", "7005 participant", "ok") in entries


async def _audit(app: App, actor: int) -> list[AuditEntry]:
    async with app.sessions() as session:
        return list(await session.scalars(select(AuditEntry).where(AuditEntry.actor_id == actor)))


async def test_a_member_given_a_facilitator_invite_becomes_one(app: App,
                                                              admin: ChatDriver) -> None:
    lima = await new_exchange(admin)
    person = await join(app, await invite_code(admin, lima), 7006)
    await person.send(f"/start {await invite_code(admin, lima, 'facilitator')}")
    assert person.texts[0] == person.t("en", "join-now-facilitator")
    assert await role_of(app, 7006) == "facilitator"


async def test_rotation_goes_round_and_tells_the_cohort(app: App, admin: ChatDriver) -> None:
    lima = await new_exchange(admin)
    await admin.send(f"/rotate {lima}")
    assert admin.texts == [admin.t("en", "rotate-no-facilitators", cohort="Lima Exchange")]
    first = await join(app, await invite_code(admin, lima, "facilitator"), 7010)
    await join(app, await invite_code(admin, lima, "facilitator"), 7011)
    member = await join(app, await invite_code(admin, lima), 7012, lang="es")
    await first.send("/alias Amina")
    assert first.texts == [first.t("en", "alias-done", alias="Amina")]
    names = []
    for _ in range(3):
        await admin.send(f"/rotate {lima}")
        names.append(admin.text)
    assert names == [admin.t("en", "rotate-done", cohort="Lima Exchange", name=name, count=3)
                     for name in ("Amina", "facilitator 2", "Amina")]
    async with app.sessions() as session:
        notices = list(await session.scalars(select(OutboxMessage).where(
            OutboxMessage.chat_id == member.user_id).order_by(OutboxMessage.id)))
    assert [n.text for n in notices] == [
        member.t("es", "rotate-notice", name=name) for name in (
            "Amina", member.t("es", "facilitator-unnamed", number=2), "Amina")]
    assert len({n.key for n in notices}) == 3


@pytest.mark.parametrize("command", ["/alias", "/alias " + "x" * 41])
async def test_alias_needs_a_short_name(app: App, admin: ChatDriver, command: str) -> None:
    lima = await new_exchange(admin)
    facilitator = await join(app, await invite_code(admin, lima, "facilitator"), 7020)
    await facilitator.send(command)
    assert facilitator.texts == [facilitator.t("en", "alias-usage", max=40)]


async def exchange_slugs(app: App) -> list[str]:
    async with app.sessions() as session:
        return list(await session.scalars(select(Exchange.slug).order_by(Exchange.id)))


async def test_a_near_duplicate_exchange_is_made_only_when_confirmed(app: App,
                                                                    admin: ChatDriver) -> None:
    await new_exchange(admin)  # Lima Exchange, 2026-03-02 to 2026-03-06
    similar = admin.t("en", "newexchange-similar", name="Lima Exchange", slug="lima-exchange",
                      start="2 Mar 2026", end="6 Mar 2026")
    await admin.send("/newexchange lima exchange 2027-01-04 2027-01-08")  # same name
    assert admin.texts == [similar]
    await admin.press(admin.t("en", "newexchange-keep-one"))
    assert admin.text == admin.t("en", "newexchange-not-made")
    assert await exchange_slugs(app) == ["lima-exchange"]
    # The same handle with dates that overlap.
    await admin.send("/newexchange Lima-Exchange 2026-03-05 2026-03-09")
    assert admin.texts == [similar]
    old_question = admin.message_id
    await admin.send("/newexchange Lima: Exchange 2026-03-04 2026-03-04")
    assert admin.texts == [similar]
    await admin.press_data(admin.find(admin.t("en", "newexchange-anyway",
                                              name="Lima-Exchange"))[1].data, old_question)
    assert admin.last.toast == admin.t("en", "button-stale")  # a newer question replaced it
    question, anyway = admin.find(admin.t("en", "newexchange-anyway", name="Lima: Exchange"))
    await admin.press_data(anyway.data, question)
    assert admin.text.startswith(admin.t(
        "en", "newexchange-done", name="Lima: Exchange", slug="lima-exchange-2",
        start="4 Mar 2026", end="4 Mar 2026", cohort="Lima: Exchange"))
    await admin.press_data(anyway.data, question)  # a second tap makes nothing more
    # Another year under a handle like it, and another name: nothing to ask.
    await admin.send("/newexchange Lima exchange! 2027-03-01 2027-03-05")
    assert admin.texts[0].startswith(admin.t(
        "en", "newexchange-done", name="Lima exchange!", slug="lima-exchange-3",
        start="1 Mar 2027", end="5 Mar 2027", cohort="Lima exchange!"))
    assert await exchange_slugs(app) == ["lima-exchange", "lima-exchange-2", "lima-exchange-3"]


async def test_a_coordinator_is_asked_before_giving_up_their_own_role(
        app: App, admin: ChatDriver) -> None:
    lima = await new_exchange(admin)
    person = await join(app, await invite_code(admin, lima), 7010)
    await admin.send("/role 7010 coordinator")
    await person.send("/role 7010 participant")
    assert person.texts == [person.t("en", "role-self-ask", role="participant")]
    assert await role_of(app, 7010) == "coordinator"
    await person.press(person.t("en", "role-self-keep"))
    assert person.text == person.t("en", "role-self-kept")
    assert await role_of(app, 7010) == "coordinator"
    await person.send("/role 7010 facilitator")
    _, yes = person.find(person.t("en", "role-self-yes", role="facilitator"))
    await person.press(person.t("en", "role-self-yes", role="facilitator"))
    assert person.text == person.t("en", "role-done", user="7010", role="facilitator")
    assert await role_of(app, 7010) == "facilitator"
    await person.press_data(yes.data, 999)  # an old copy of the question: answered already
    assert person.last.toast == person.t("en", "button-stale")
    # Giving someone else a role, or keeping one's own, needs no question.
    await admin.send("/role 7010 coordinator")
    await person.send("/role 7010 coordinator")
    assert person.texts == [person.t("en", "role-done", user="7010", role="coordinator")]


async def test_invite_names_a_role_it_cannot_give(app: App, admin: ChatDriver) -> None:
    lima = await new_exchange(admin)
    for role in ("mentor", "coordinator", "safety"):
        await admin.send(f"/invite {lima} {role}")
        assert admin.texts == [admin.t("en", "invite-role-unknown", role=role, cohort=lima)]
    await admin.send("/invite Lima Exchange participant")
    assert admin.t("en", "invite-done-local", exchange="Lima Exchange", cohort="Lima Exchange",
                   code="", role="participant").split("\n")[0] in admin.text
    await admin.send(f"/invite {lima} Facilitator")
    assert "as facilitator" in admin.texts[0]
    await admin.send("/invite nowhere facilitator")
    assert admin.texts == [admin.t("en", "cohort-unknown")]


async def test_invite_codes_work_in_any_case(app: App, admin: ChatDriver) -> None:
    lima = await new_exchange(admin)
    code = await invite_code(admin, lima)
    lower = await join(app, code.lower(), 7020)
    upper = await join(app, code.upper(), 7021)
    assert lower.text == upper.text == lower.t("en", "menu-title")
    await admin.send(f"/revoke {code.swapcase()}")
    assert admin.texts == [admin.t("en", "revoke-done", code=code.swapcase())]
    late = ChatDriver(app, user_id=7022)
    await late.send(f"/start {code}")
    assert late.texts == [late.t("en", "join-invalid")]

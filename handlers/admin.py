"""Coordinator commands: exchanges, cohorts, invite codes, roles, rotation, the audit log.

The role is checked on every command from the database (``handlers.roles``), and every
action or refused attempt is audited.
"""

from __future__ import annotations

import logging
import re
import uuid
from datetime import date

from bot.core import Outcome, Reply, in_place
from bot.i18n import format_date, format_datetime
from handlers import buttons, roles, safety_setup
from handlers.context import Ctx, StaleButton
from handlers.drafts import Draft, Slot
from handlers.guards import Choice
from handlers.roles import COORDINATORS, FACILITATOR, ROLES, STAFF, cohort_in_reach, record
from handlers.router import Router
from storage import audit, exchanges, outbox, participants
from storage.models import Participant

log = logging.getLogger(__name__)
MAX_NAME = 120
MAX_ALIAS = 40
TELEGRAM_ID = re.compile(r"\d{1,15}")
INVITE_ROLES = (roles.PARTICIPANT, FACILITATOR)  # the others are given with /role


class NewExchangeDraft(Draft):
    """A /newexchange waiting for "make it anyway" (``token``: this question's buttons)."""

    token: str
    name: str
    start: date
    end: date


NEW_EXCHANGE = Slot("nx", NewExchangeDraft)

router = Router()


def _say(text: str) -> Outcome:
    return Outcome((Reply(text),))


@router.command("newexchange", role=COORDINATORS)
async def new_exchange(ctx: Ctx) -> Outcome:
    parts = ctx.inbound.args.split()
    if len(parts) < 3:
        return _say(ctx.t("newexchange-usage"))
    name = " ".join(parts[:-2])[:MAX_NAME]
    try:
        starts_on, ends_on = date.fromisoformat(parts[-2]), date.fromisoformat(parts[-1])
    except ValueError:
        return _say(ctx.t("newexchange-bad-date"))
    if ends_on < starts_on:
        return _say(ctx.t("newexchange-end-before-start"))
    similar = await exchanges.near_duplicate(ctx.session, name, starts_on, ends_on)
    if similar is None:
        return await _create_exchange(ctx, name, starts_on, ends_on)
    # Asked first: a second "Nairobi Exchange" splits its people and its reports in two.
    await roles.ensure_staff_record(ctx)
    token = uuid.uuid4().hex[:8]  # this question's buttons only, not an older one's
    NEW_EXCHANGE.save(ctx, NewExchangeDraft(token=token, name=name, start=starts_on,
                                            end=ends_on))
    keyboard = ((buttons.button(ctx.t("newexchange-anyway", name=name), "nxy", token),),
                (buttons.button(ctx.t("newexchange-keep-one"), "nxn", token),))
    return Outcome((Reply(ctx.t("newexchange-similar", name=similar.name, slug=similar.slug,
                                start=format_date(ctx.lang, similar.starts_on),
                                end=format_date(ctx.lang, similar.ends_on)), keyboard),))


async def _create_exchange(ctx: Ctx, name: str, starts_on: date, ends_on: date,
                           edit: bool = False) -> Outcome:
    exchange, cohort = await exchanges.create_exchange(
        ctx.session, name, starts_on, ends_on, created_by=ctx.inbound.user_id, now=ctx.now())
    log.info("exchange_created id=%s by=%s", exchange.id, ctx.inbound.user_id)
    await record(ctx, "newexchange", "ok", exchange.slug)
    done = ctx.t("newexchange-done", name=exchange.name, slug=exchange.slug,
                 start=format_date(ctx.lang, starts_on), end=format_date(ctx.lang, ends_on),
                 cohort=cohort.name)
    # One message on a slow link: what was made, then its safety set-up.
    ask = await safety_setup.ask_emergency(ctx, exchange)
    return Outcome((Reply(f"{done}\n\n{ask.text}", ask.buttons, edit=edit),))


def _new_exchange_draft(ctx: Ctx, token: str) -> NewExchangeDraft:
    draft = NEW_EXCHANGE.load(ctx)
    if draft is None or draft.token != token:
        raise StaleButton  # answered already, or a newer question replaced it
    NEW_EXCHANGE.drop(ctx)
    return draft


# The role is checked again on the press: it may have gone meanwhile.
@router.button("nxy", role=COORDINATORS, action="newexchange", args=(str,))
async def new_exchange_anyway(ctx: Ctx, token: str) -> Outcome:
    draft = _new_exchange_draft(ctx, token)
    return await _create_exchange(ctx, draft.name, draft.start, draft.end, edit=True)


@router.button("nxn", public=True, args=(str,))
async def new_exchange_dropped(ctx: Ctx, token: str) -> Outcome:
    _new_exchange_draft(ctx, token)
    return Outcome((Reply(ctx.t("newexchange-not-made"), edit=True),))


@router.command("newcohort", role=COORDINATORS)
async def new_cohort(ctx: Ctx) -> Outcome:
    parts = ctx.inbound.args.split(maxsplit=1)
    if len(parts) < 2:
        return _say(ctx.t("newcohort-usage"))
    exchange = await exchanges.find_exchange(ctx.session, parts[0])
    if exchange is None:
        return _say(ctx.t("exchange-unknown"))
    cohort = await exchanges.create_cohort(ctx.session, exchange, parts[1].strip()[:MAX_NAME],
                                           now=ctx.now())
    if cohort is None:
        return _say(ctx.t("newcohort-exists"))
    await record(ctx, "newcohort", "ok", cohort.slug)
    return _say(ctx.t("newcohort-done", exchange=exchange.name, cohort=cohort.name,
                      slug=cohort.slug))


@router.command("cohorts", role=COORDINATORS)
async def list_cohorts(ctx: Ctx) -> Outcome:
    found = await exchanges.cohorts_of(ctx.session)
    await record(ctx, "cohorts", "ok")
    if not found:
        return _say(ctx.t("cohorts-none"))
    lines = [ctx.t("cohorts-title")] + [f"{c.slug} · {c.name} ({e.name})" for c, e in found]
    return _say("\n".join(lines))


@router.command("invite", role=COORDINATORS)
async def invite(ctx: Ctx) -> Outcome:
    parts = ctx.inbound.args.split()
    if not parts:
        return _say(ctx.t("invite-usage"))
    role = roles.PARTICIPANT
    found = await exchanges.find_cohort(ctx.session, " ".join(parts))
    if found is None and len(parts) > 1:  # the last word may be the role
        found = await exchanges.find_cohort(ctx.session, " ".join(parts[:-1]))
        if found is not None and parts[-1].lower() not in INVITE_ROLES:
            return _say(ctx.t("invite-role-unknown", role=parts[-1][:MAX_ALIAS],
                              cohort=found[0].slug))
        role = parts[-1].lower()
    if found is None:
        return _say(ctx.t("cohort-unknown"))
    cohort, exchange = found
    code = await exchanges.create_invite(ctx.session, cohort.id, role=role,
                                         created_by=ctx.inbound.user_id, now=ctx.now())
    log.info("invite_created cohort=%s role=%s by=%s", cohort.id, role, ctx.inbound.user_id)
    await record(ctx, "invite", "ok", f"{cohort.slug} {role}")
    args = {"exchange": exchange.name, "cohort": cohort.name, "code": code.code, "role": role}
    if ctx.deps.bot_username:
        link = f"https://t.me/{ctx.deps.bot_username}?start={code.code}"
        return _say(ctx.t("invite-done", link=link, **args))
    return _say(ctx.t("invite-done-local", **args))


@router.command("codes", role=COORDINATORS)
async def list_codes(ctx: Ctx) -> Outcome:
    handle = ctx.inbound.args.strip()
    if not handle:
        return _say(ctx.t("codes-usage"))
    found = await exchanges.find_cohort(ctx.session, handle)
    if found is None:
        return _say(ctx.t("cohort-unknown"))
    codes = await exchanges.invites_of(ctx.session, found[0].id)
    await record(ctx, "codes", "ok", found[0].slug)
    if not codes:
        return _say(ctx.t("codes-none", cohort=found[0].name))
    lines = [ctx.t("codes-title", cohort=found[0].name)]
    for code in codes:
        state = ctx.t("code-revoked") if code.revoked_at else ctx.t("code-live")
        lines.append(f"{code.code} · {code.role} · {ctx.t('code-uses', uses=code.uses)} · {state}")
    return _say("\n".join(lines))


@router.command("revoke", role=COORDINATORS)
async def revoke(ctx: Ctx) -> Outcome:
    code = ctx.inbound.args.strip()
    if not code or len(code) > 32:
        return _say(ctx.t("revoke-usage"))
    revoked = await exchanges.revoke_invite(ctx.session, code, ctx.now())
    await record(ctx, "revoke", "ok" if revoked else "invalid", code)
    return _say(ctx.t("revoke-done", code=code) if revoked else ctx.t("revoke-unknown"))


@router.command("role", role=COORDINATORS)
async def set_role(ctx: Ctx) -> Outcome:
    parts = ctx.inbound.args.split()
    if len(parts) != 2 or not TELEGRAM_ID.fullmatch(parts[0]) or parts[1].lower() not in ROLES:
        return _say(ctx.t("role-usage"))
    telegram_id, role = int(parts[0]), parts[1].lower()
    person = await _participant(ctx, telegram_id)
    if person is None:
        await record(ctx, "role", "invalid", str(telegram_id))
        return _say(ctx.t("role-unknown-person"))
    if _gives_up_coordinating(ctx, person, role):
        keyboard = ((buttons.button(ctx.t("role-self-yes", role=role), "rly", role),),
                    (buttons.button(ctx.t("role-self-keep"), "rln"),))
        return Outcome((Reply(ctx.t("role-self-ask", role=role), keyboard),))
    return await _grant(ctx, person, role)


def _gives_up_coordinating(ctx: Ctx, person: Participant, role: str) -> bool:
    """A coordinator taking their own role away (ADMIN_IDS would keep it regardless)."""
    return (person.telegram_id == ctx.inbound.user_id and not ctx.is_admin
            and person.role == roles.COORDINATOR and role != roles.COORDINATOR)


@router.button("rly", public=True, args=(Choice(*ROLES),))
async def give_up_role(ctx: Ctx, role: str) -> Outcome:
    # Asked only of a coordinator by the database; anyone else has answered already.
    if ctx.participant is None or not _gives_up_coordinating(ctx, ctx.participant, role):
        raise StaleButton
    outcome = await _grant(ctx, ctx.me, role)
    return Outcome(in_place(outcome.replies))


@router.button("rln", public=True, args=())
async def keep_role(ctx: Ctx) -> Outcome:
    return Outcome((Reply(ctx.t("role-self-kept"), edit=True),))


async def _grant(ctx: Ctx, person: Participant, role: str) -> Outcome:
    telegram_id = person.telegram_id
    if person.role == FACILITATOR and role != FACILITATOR and person.cohort_id is not None:
        found = await exchanges.cohort_with_exchange(ctx.session, person.cohort_id)
        if found and found[0].facilitator_id == person.id:
            found[0].facilitator_id = None  # no longer anyone's facilitator of the week
    person.role = role
    if role in (roles.SAFETY, roles.COORDINATOR):
        await roles.deliver_waiting_reports(ctx)
    log.info("role_set target=%s role=%s by=%s", telegram_id, role, ctx.inbound.user_id)
    await record(ctx, "role", "ok", f"{telegram_id} {role}")
    return _say(ctx.t("role-done", user=str(telegram_id), role=role))


async def _participant(ctx: Ctx, telegram_id: int) -> Participant | None:
    if ctx.participant is not None and ctx.participant.telegram_id == telegram_id:
        return ctx.participant
    # Locked: their role changes under this transaction.
    return await participants.get_for_update(ctx.session, telegram_id)


@router.command("alias", role=STAFF)
async def set_alias(ctx: Ctx) -> Outcome:
    """The name a facilitator is shown to their cohort by (we never read Telegram names)."""
    alias = " ".join(ctx.inbound.args.split())
    if not alias or len(alias) > MAX_ALIAS:
        return _say(ctx.t("alias-usage", max=MAX_ALIAS))
    await roles.ensure_staff_record(ctx)
    ctx.me.alias = alias
    await record(ctx, "alias", "ok")
    return _say(ctx.t("alias-done", alias=alias))


@router.command("rotate", role=STAFF)
async def rotate(ctx: Ctx) -> Outcome:
    found = await cohort_in_reach(ctx, "rotate", ctx.inbound.args.strip())
    if isinstance(found, Outcome):
        return found
    cohort, _ = found
    team = await exchanges.facilitators(ctx.session, cohort.id)
    if not team:
        await record(ctx, "rotate", "invalid", cohort.slug)
        return _say(ctx.t("rotate-no-facilitators", cohort=cohort.name))
    ids = [f.id for f in team]
    following = ids.index(cohort.facilitator_id) + 1 if cohort.facilitator_id in ids else 0
    chosen = team[following % len(team)]
    cohort.facilitator_id = chosen.id
    number = ids.index(chosen.id) + 1
    translator = ctx.deps.translator

    def name_in(lang: str) -> str:
        return chosen.alias or translator.format(lang, "facilitator-unnamed", {"number": number})

    members = await exchanges.members(ctx.session, cohort.id)
    rotation = uuid.uuid4().hex[:12]  # this rotation's notices, one per member, once
    notices = [outbox.NewMessage(
        key=f"rotate:{rotation}:{member.id}", chat_id=member.telegram_id,
        participant_id=member.id,
        text=translator.format(member.language, "rotate-notice", {"name": name_in(
            member.language)}))
        for member in members if member.blocked_at is None]
    name = name_in(ctx.lang)
    await ctx.enqueue(notices)
    await record(ctx, "rotate", "ok", cohort.slug)
    return _say(ctx.t("rotate-done", cohort=cohort.name, name=name, count=len(notices)))


@router.command("audit", role=COORDINATORS)
async def audit_command(ctx: Ctx) -> Outcome:
    entries = await audit.latest(ctx.session)
    await record(ctx, "audit", "ok")
    if not entries:
        return _say(ctx.t("audit-empty"))
    lines = [ctx.t("audit-title", zone=ctx.zone_name)] + [
        f"{format_datetime(ctx.lang, e.created_at, ctx.zone)} · {e.actor_id} · {e.action}"
        + (f" · {e.target}" if e.target else "") + f" · {e.outcome}" for e in entries]
    return _say("\n".join(lines))


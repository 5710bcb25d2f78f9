"""The follow-up sweeps: each reads what is due from the database and queues it in the outbox
under a unique key, so a restart, a long downtime or a second scheduler never loses or
doubles a nudge. All of them respect the follow-up consent, /pause, a blocked bot, the
person's time zone and their quiet hours.

- the offer to write an action brief, on the exchange's last day (16:00 local);
- check-ins at each offset after the exchange's end (10:00 local), counted but not sent
  while paused; after downtime only the latest round due goes out, once;
- one reminder of an unanswered check-in after two days, never more;
- a digest per round for the cohort's facilitators, three days after the round;
- deadline nudges for commitments, the day before (10:00 local);
- gentle reminders of an unfinished module: at most one a week, three in all;
- a reminder an hour before a live session the person said they would attend (even inside
  their quiet hours if the session itself is), and a feedback prompt after it.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from bot.i18n import Translator, format_time
from bot.local_time import due, in_quiet_hours, local, resolve
from handlers import buttons
from handlers.live_sessions_feedback import feedback_keyboard
from storage import consents, exchanges, followup, live_sessions, outbox
from storage.followup import Person
from storage.models import Cohort, Exchange

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from bot.app import App

log = logging.getLogger(__name__)

CHECKIN_HOUR = 10
PLAN_OFFER_HOUR = 16
REMIND_AFTER = timedelta(days=2)
DIGEST_AFTER = timedelta(days=3)
MODULE_IDLE = timedelta(days=7)
MODULE_NUDGES = 3
GENTLE_HOURS = (10, 19)  # module reminders only in the day, whatever the quiet hours say
SESSION_REMINDER = timedelta(hours=1)
FEEDBACK_AFTER = timedelta(minutes=15)  # after the session's end
FEEDBACK_WINDOW = timedelta(days=3)


def _paused(person: Person, now: datetime) -> bool:
    return person.paused_until is not None and person.paused_until > now


def _quiet(person: Person) -> tuple[int, int]:
    return person.quiet_start, person.quiet_end


async def run_nudges(app: App) -> Counter[str]:
    """One sweep of everything due; returns how many of each kind were queued."""
    now = app.deps.clock.now()
    queued: Counter[str] = Counter()
    async with app.sessions() as session:
        translator = app.deps.translator
        queued["plan_offers"] = await plan_offers(session, translator, now)
        queued["checkins"] = await checkins(session, translator, now)
        queued["reminders"] = await reminders(session, translator, now)
        queued["digests"] = await digests(session, translator, now)
        queued["deadlines"] = await deadlines(session, translator, now)
        queued["modules"] = await module_reminders(session, translator, now, app)
        queued["session_reminders"] = await session_reminders(session, translator, now)
        queued["session_feedback"] = await session_feedback(session, translator, now)
        await session.commit()
    if sum(queued.values()):
        app.outbox_changed.set()
        log.info("nudges_queued %s", " ".join(f"{k}={v}" for k, v in sorted(queued.items())))
    return queued


# -- the action brief offer ----------------------------------------------------------------
async def plan_offers(session: AsyncSession, translator: Translator, now: datetime) -> int:
    today = now.date()
    messages = []
    for exchange in await followup.exchanges_ended_between(session, today - timedelta(days=2),
                                                           today + timedelta(days=1)):
        for person in await followup.plan_offer_due(session, exchange.id):
            here = local(now, person.timezone)
            if _paused(person, now) or in_quiet_hours(here, *_quiet(person)):
                continue
            if not (due(now, person.timezone, exchange.ends_on, PLAN_OFFER_HOUR, (0, 0))
                    and here.date() <= exchange.ends_on + timedelta(days=1)):
                continue
            text = translator.format(person.language, "nudge-plan-offer",
                                     {"exchange": exchange.name})
            label = translator.format(person.language, "nudge-plan-button")
            messages.append(outbox.NewMessage(
                key=f"plan-offer:{exchange.id}:{person.id}", chat_id=person.telegram_id,
                participant_id=person.id, text=text, exchange_id=exchange.id,
                buttons=((buttons.button(label, "plan"),),)))
    return await outbox.enqueue(session, messages, now)


# -- check-ins -----------------------------------------------------------------------------
def current_round(exchange: Exchange, today: date) -> int | None:
    """The latest offset whose day has come somewhere on Earth (UTC+14 is a day ahead)."""
    reached = [o for o in sorted(exchange.checkin_offsets)
               if exchange.ends_on + timedelta(days=o) <= today + timedelta(days=1)]
    return reached[-1] if reached else None


async def checkins(session: AsyncSession, translator: Translator, now: datetime) -> int:
    today = now.date()
    queued = 0
    for exchange in await followup.exchanges_ended_between(
            session, today - timedelta(days=800), today):
        offset = current_round(exchange, today)
        if offset is None:
            continue
        day = exchange.ends_on + timedelta(days=offset)
        groups = [group for group in await followup.round_groups(session, exchange.id, offset)
                  if due(now, group[0], day, CHECKIN_HOUR, (group[1], group[2]))]
        # Not yet 10:00 there, or asleep: those groups wait for a later sweep.
        if not await followup.open_round(session, exchange.id, offset, groups, now):
            continue
        texts = {lang: (translator.format(lang, "checkin-invite",
                                          {"days": offset, "exchange": exchange.name}),
                        translator.format(lang, "checkin-start"))
                 for lang in await followup.round_languages(session, exchange.id, offset)}
        queued += await followup.invite_round(session, exchange.id, offset, texts, now)
    return queued


async def reminders(session: AsyncSession, translator: Translator, now: datetime) -> int:
    messages = []
    for checkin_id, person in await followup.unanswered_since(session, now - REMIND_AFTER):
        here = local(now, person.timezone)
        if _paused(person, now) or in_quiet_hours(here, *_quiet(person)) \
                or here.hour < CHECKIN_HOUR:
            continue
        if not await followup.claim_reminder(session, checkin_id, now):
            continue
        messages.append(outbox.NewMessage(
            key=f"checkin-reminder:{checkin_id}", chat_id=person.telegram_id,
            participant_id=person.id,
            text=translator.format(person.language, "checkin-reminder"),
            buttons=((buttons.button(translator.format(person.language, "checkin-start"),
                                     "ci", str(checkin_id)),),)))
    return await outbox.enqueue(session, messages, now)


async def digests(session: AsyncSession, translator: Translator, now: datetime) -> int:
    today = now.date()
    messages = []
    for exchange in await followup.exchanges_ended_between(
            session, today - timedelta(days=800), today):
        for offset in exchange.checkin_offsets:
            day = exchange.ends_on + timedelta(days=offset)
            # Three days after the round (after its reminders); not for rounds long past.
            if not today - timedelta(days=30) <= day + DIGEST_AFTER <= today:
                continue
            for cohort_id in await followup.round_cohorts(session, exchange.id, offset):
                if not await followup.claim_digest(session, cohort_id, offset, now):
                    continue
                messages.extend(await _digest(session, translator, cohort_id, offset))
    return await outbox.enqueue(session, messages, now)


async def _digest(session: AsyncSession, translator: Translator, cohort_id: int,
                  offset: int) -> list[outbox.NewMessage]:
    cohort = await session.get(Cohort, cohort_id)
    team = await exchanges.facilitators(session, cohort_id)
    if cohort is None or not team:
        return []
    sharers = (await consents.granted_in_cohort(session, cohort_id, "stories")
               & await consents.granted_in_cohort(session, cohort_id, "progress"))
    figures = await followup.round_figures(session, cohort_id, offset, sharers)
    messages = []
    for facilitator in team:
        lang = facilitator.language
        rate = round(100 * figures.answered / figures.sent) if figures.sent else 0
        wellbeing = " · ".join(f"{n}: {count}" for n, count in (figures.wellbeing or {}).items())
        text = translator.format(lang, "checkin-digest", {
            "cohort": cohort.name, "days": offset, "answered": figures.answered,
            "sent": figures.sent, "rate": rate, "paused": figures.paused,
            "done": figures.done, "progress": figures.progress, "blocked": figures.blocked,
            "wellbeing": wellbeing})
        notes = [f"– {note[:200]}" for note in (figures.notes or [])[:10]]
        if notes:
            text += "\n" + translator.format(lang, "checkin-digest-notes") + "\n" + \
                "\n".join(notes)
        messages.append(outbox.NewMessage(
            key=f"digest:{cohort_id}:{offset}:{facilitator.id}",
            chat_id=facilitator.telegram_id, participant_id=facilitator.id, text=text,
            exchange_id=cohort.exchange_id))
    return messages


# -- deadlines and modules -------------------------------------------------------------------
async def deadlines(session: AsyncSession, translator: Translator, now: datetime) -> int:
    """The day before a commitment's date (or on the day itself, if the bot was down)."""
    today = now.date()
    messages = []
    for commitment_id, what, due_on, person in await followup.open_commitments_due(
            session, today - timedelta(days=1), today + timedelta(days=2)):
        here = local(now, person.timezone)
        if _paused(person, now) or here.date() not in (due_on - timedelta(days=1), due_on):
            continue
        if not due(now, person.timezone, here.date(), CHECKIN_HOUR, _quiet(person)):
            continue
        key = "nudge-deadline-tomorrow" if here.date() < due_on else "nudge-deadline-today"
        messages.append(outbox.NewMessage(
            key=f"deadline:{commitment_id}:{due_on.isoformat()}", chat_id=person.telegram_id,
            participant_id=person.id,
            text=translator.format(person.language, key, {"what": what}),
            buttons=((buttons.button(translator.format(person.language, "nudge-plan-button"),
                                     "plan"),),)))
    return await outbox.enqueue(session, messages, now)


async def module_reminders(session: AsyncSession, translator: Translator, now: datetime,
                           app: App) -> int:
    messages = []
    for person, module_id, nudges, nudged_at in await followup.idle_learners(
            session, now - MODULE_IDLE, MODULE_NUDGES):
        here = local(now, person.timezone)
        if _paused(person, now) or in_quiet_hours(here, *_quiet(person)) \
                or not GENTLE_HOURS[0] <= here.hour < GENTLE_HOURS[1]:
            continue
        if nudged_at is not None and now - nudged_at < MODULE_IDLE:
            continue  # at most one a week
        if not await followup.claim_module_nudge(session, person.id, nudges, nudged_at, now):
            continue
        module = app.deps.content.modules.get(module_id)
        title = module.text_for(person.language)[0].title if module else module_id
        messages.append(outbox.NewMessage(
            key=f"module:{person.id}:{now:%Y%m%d}", chat_id=person.telegram_id,
            participant_id=person.id,
            text=translator.format(person.language, "nudge-module", {"module": title}),
            buttons=((buttons.button(translator.format(person.language, "nudge-module-button"),
                                     "cont"),),)))
    return await outbox.enqueue(session, messages, now)


# -- live sessions ---------------------------------------------------------------------------
async def session_reminders(session: AsyncSession, translator: Translator,
                            now: datetime) -> int:
    messages = []
    for found in await live_sessions.attendees_starting_between(session, now,
                                                                now + SESSION_REMINDER):
        item, person = found.live_session, found.person
        zone, quiet = person.timezone or "UTC", (person.quiet_start, person.quiet_end)
        if person.paused_until is not None and person.paused_until > now:
            continue
        # Quiet hours hold the reminder back, unless the session itself is inside them.
        if in_quiet_hours(local(now, zone), *quiet) and \
                not in_quiet_hours(local(item.starts_at, zone), *quiet):
            continue
        messages.append(outbox.NewMessage(
            key=f"session-reminder:{item.id}:{person.id}", chat_id=person.telegram_id,
            participant_id=person.id, exchange_id=item.exchange_id,
            text=translator.format(person.language, "session-reminder", {
                "title": item.title,
                "time": format_time(person.language, item.starts_at, resolve(zone)),
                "where": item.where or "-"})))
    return await outbox.enqueue(session, messages, now)


async def session_feedback(session: AsyncSession, translator: Translator,
                           now: datetime) -> int:
    messages = []
    longest = timedelta(minutes=600)
    for found in await live_sessions.attendees_starting_between(
            session, now - FEEDBACK_WINDOW - longest, now):
        item, person = found.live_session, found.person
        ended = item.starts_at + timedelta(minutes=item.minutes)
        if not ended + FEEDBACK_AFTER <= now <= ended + FEEDBACK_WINDOW:
            continue
        zone, quiet = person.timezone or "UTC", (person.quiet_start, person.quiet_end)
        if in_quiet_hours(local(now, zone), *quiet) or (
                person.paused_until is not None and person.paused_until > now):
            continue
        if await live_sessions.feedback_for(session, item.id, person.id) is not None:
            continue
        messages.append(outbox.NewMessage(
            key=f"session-feedback:{item.id}:{person.id}", chat_id=person.telegram_id,
            participant_id=person.id, buttons=feedback_keyboard(item.id, "pacing"),
            exchange_id=item.exchange_id,
            text=translator.format(person.language, "feedback-pacing", {"title": item.title})))
    return await outbox.enqueue(session, messages, now)

"""Learning progress: where each participant stands in each module, and what they answered."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import CardResult, ModuleProgress, Reflection


async def progress(session: AsyncSession, participant_id: int,
                   module_id: str) -> ModuleProgress | None:
    return await session.scalar(select(ModuleProgress).where(
        ModuleProgress.participant_id == participant_id, ModuleProgress.module_id == module_id))


async def all_progress(session: AsyncSession, participant_id: int) -> list[ModuleProgress]:
    return list(await session.scalars(select(ModuleProgress).where(
        ModuleProgress.participant_id == participant_id)))


async def start(session: AsyncSession, participant_id: int, module_id: str, card_id: str,
                now: datetime) -> ModuleProgress:
    row = ModuleProgress(participant_id=participant_id, module_id=module_id, card_id=card_id,
                         step_id="", started_at=now, updated_at=now)
    session.add(row)
    await session.flush()
    return row


async def record_result(session: AsyncSession, participant_id: int, module_id: str,
                        card_id: str, choice_id: str, *, step_id: str = "",
                        correct: bool | None, now: datetime) -> None:
    session.add(CardResult(participant_id=participant_id, module_id=module_id, card_id=card_id,
                           choice_id=choice_id, step_id=step_id, correct=correct,
                           created_at=now))


async def keep_reflection(session: AsyncSession, participant_id: int, module_id: str,
                          card_id: str, *, text: str, now: datetime) -> None:
    session.add(Reflection(participant_id=participant_id, module_id=module_id,
                           card_id=card_id, text=text, created_at=now))


async def first_tries(session: AsyncSession, participant_id: int,
                      module_id: str) -> dict[str, bool]:
    """Quiz card id → whether its first answer was right, in the latest run of the module.

    A first try is recorded with no step (later tries as "try2", "try3" …), and each run of a
    module answers each quiz once first, so the newest first try is this run's."""
    rows = await session.execute(
        select(CardResult.card_id, CardResult.correct)
        .where(CardResult.participant_id == participant_id, CardResult.module_id == module_id,
               CardResult.step_id == "", CardResult.correct.is_not(None))
        .order_by(CardResult.id))
    return {card_id: bool(correct) for card_id, correct in rows}


async def last_choice(session: AsyncSession, participant_id: int, module_id: str,
                      card_id: str) -> tuple[str, str] | None:
    """(step, choice) last chosen on a card: a quiz's final answer (its step is "" or
    "try<n>"), or a scenario's last choice and the step it was made on."""
    row = (await session.execute(
        select(CardResult.step_id, CardResult.choice_id)
        .where(CardResult.participant_id == participant_id, CardResult.module_id == module_id,
               CardResult.card_id == card_id)
        .order_by(CardResult.id.desc()).limit(1))).first()
    return None if row is None else (row.step_id, row.choice_id)

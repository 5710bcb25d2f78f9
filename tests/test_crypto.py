"""Encryption at rest: what people write is unreadable in the database file itself, reads
back through the app, survives a key rotation, and is refused under a wrong key."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from cryptography.fernet import Fernet
from sqlalchemy import select
from sqlalchemy.exc import StatementError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import App
from bot.config import Settings
from bot.core import Inbound
from storage import crypto
from storage.database import create_engine, session_factory
from storage.migrate import upgrade
from storage.models import Commitment, Participant, Reflection
from storage.types import UtcDateTime
from tests.chat_driver import ChatDriver
from tests.cohort_helpers import invite_code, join, new_exchange
from tests.conftest import DATA_KEY, START

SECRET = "We meet at the back of the bakery on Calle 8"


def database_file(settings: Settings) -> Path:
    return Path(settings.database_url.split("///", 1)[1])


async def test_sensitive_text_is_not_in_the_database_file(app: App, admin: ChatDriver) -> None:
    person = await join(app, await invite_code(admin, await new_exchange(admin)), 5301)
    async with app.sessions() as session:
        me = await session.scalar(select(Participant.id).where(
            Participant.telegram_id == person.user_id))
        assert me is not None
        session.add(Reflection(participant_id=me, module_id="m", card_id="c", text=SECRET,
                               created_at=START))
        session.add(Commitment(participant_id=me, what=SECRET, who="", due_on=date(2026, 4, 1),
                               status="open", created_at=START, updated_at=START))
        await session.commit()
    await app.engine.dispose()  # everything on disk, WAL included
    raw = b"".join(path.read_bytes() for path in database_file(app.settings).parent.iterdir()
                   if path.name.startswith("bot.db"))
    assert SECRET.encode() not in raw
    assert b"Calle 8" not in raw
    async with app.sessions() as session:
        texts = [r.text for r in await session.scalars(select(Reflection))]
        whats = [c.what for c in await session.scalars(select(Commitment))]
    assert texts == [SECRET] and whats == [SECRET]


def test_a_rotated_key_still_reads_the_old_text() -> None:
    old = crypto.KeyRing([DATA_KEY]).encrypt(SECRET)
    fresh = Fernet.generate_key().decode()
    rotated = crypto.KeyRing([fresh, DATA_KEY])  # the new key first: it encrypts from now on
    assert rotated.decrypt(old) == SECRET
    assert rotated.decrypt(rotated.encrypt("new")) == "new"
    with pytest.raises(crypto.DataKeyError):
        crypto.KeyRing([fresh]).decrypt(old)  # a wrong key is an error, never garbage


def test_text_from_before_encryption_still_reads() -> None:
    keys = crypto.KeyRing([DATA_KEY])
    assert keys.decrypt("written in plain text before") == "written in plain text before"
    assert keys.encrypt(SECRET).startswith(crypto.PREFIX)
    assert keys.encrypt(SECRET) != keys.encrypt(SECRET)  # no equal ciphertexts to compare


async def test_an_engine_without_keys_refuses_sensitive_text(tmp_path: Path) -> None:
    """Nothing is ever written in plain for want of a key: the write fails instead."""
    bare = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'bare.db'}")
    await upgrade(bare)
    try:
        async with session_factory(bare)() as session:
            session.add(Reflection(participant_id=1, module_id="m", card_id="c", text=SECRET,
                                   created_at=START))
            with pytest.raises(StatementError) as refused:
                await session.flush()
        assert isinstance(refused.value.orig, crypto.DataKeyError)
    finally:
        await bare.dispose()


async def test_updates_waiting_to_be_handled_or_sent_are_encrypted(app: App) -> None:
    payload = '{"update_id": 77, "message": {"text": "' + SECRET + '"}}'
    await app.receive(42, [(77, payload)])
    await app.receive(42, [(78, "{}")])
    # 77 is received (the person's words wait to be handled); 78 is handled, its reply
    # waiting to be sent.
    await app.handle(Inbound.from_text(78, 9, 9, "/help"), bot_id=42)
    await app.engine.dispose()
    raw = b"".join(path.read_bytes() for path in database_file(app.settings).parent.iterdir()
                   if path.name.startswith("bot.db"))
    assert SECRET.encode() not in raw
    assert b"I help you take part" not in raw  # the reply waiting to go
    [(_, stored, _), (_, _, outcome)] = await app.unfinished(42)
    assert stored == payload and outcome is not None and "I help you" in outcome


async def test_an_upgrade_encrypts_what_was_written_in_plain(engine: AsyncEngine) -> None:
    """Drafts, a commitment's "who" and an alias written before 0010 are encrypted by it,
    read back the same, and nothing that hangs off a participant is lost on the way."""
    await upgrade(engine, "0009")
    people = sa.table("participants", *(sa.column(c) for c in (
        "id", "telegram_id", "role", "language", "step", "quiet_start", "quiet_end")),
        sa.column("step_data", sa.JSON), sa.column("alias", sa.String),
        sa.column("created_at", UtcDateTime()), sa.column("updated_at", UtcDateTime()))
    promises = sa.table("commitments", *(sa.column(c) for c in (
        "id", "participant_id", "what", "who", "due_on", "status")),
        sa.column("created_at", UtcDateTime()), sa.column("updated_at", UtcDateTime()))
    ledger = sa.table("consent_events", *(sa.column(c) for c in (
        "participant_id", "purpose", "granted", "policy_version")),
        sa.column("created_at", UtcDateTime()))
    draft = {"plan": {"what": SECRET, "back": "menu"}}
    async with engine.begin() as connection:
        await connection.execute(sa.insert(people).values(
            id=1, telegram_id=77, role="facilitator", language="en", step="plan:who",
            quiet_start=0, quiet_end=0, step_data=draft, alias="Calle 8 crew",
            created_at=START, updated_at=START))
        await connection.execute(sa.insert(people).values(
            id=2, telegram_id=78, role="participant", language="en", step="menu",
            quiet_start=0, quiet_end=0, step_data={}, created_at=START, updated_at=START))
        await connection.execute(sa.insert(promises).values(
            id=1, participant_id=1, what="plain what", who="the Calle 8 tenants",
            due_on=date(2026, 4, 1), status="open", created_at=START, updated_at=START))
        await connection.execute(sa.insert(ledger).values(
            participant_id=1, purpose="progress", granted=True, policy_version="1",
            created_at=START))
    await upgrade(engine)
    async with engine.connect() as connection:
        raw = [str(value) for value in (await connection.execute(sa.text(
            "SELECT p.step_data, p.alias, c.who FROM participants p "
            "JOIN commitments c ON c.participant_id = p.id"))).one()]
        assert await connection.scalar(sa.text("SELECT count(*) FROM consent_events")) == 1
    assert all("Calle 8" not in value for value in raw), raw
    async with session_factory(engine)() as session:
        first, second = await session.scalars(select(Participant).order_by(Participant.id))
        promise = await session.scalar(select(Commitment))
    assert (first.step_data, first.alias, second.step_data) == (draft, "Calle 8 crew", {})
    assert promise is not None and promise.who == "the Calle 8 tenants"

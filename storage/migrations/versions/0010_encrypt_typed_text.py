"""Everything people type is encrypted: drafts in step data, a commitment's "who", aliases,
library titles, reply-button labels, live sessions' titles and places.

The short text columns become TEXT, as ciphertext is longer than their old limits. JSON
columns stay JSON (an encrypted value is stored as a JSON string), so nothing else changes
there. On SQLite a column is replaced by add, copy, drop and rename rather than a batch copy
of the table: dropping ``participants`` would run its children's ON DELETE CASCADE.

With ``DATA_KEY`` configured (the bot and ``exchange-bot db upgrade`` both configure it first),
values written before are encrypted here; without it they stay readable as they are and are
encrypted the next time they are written.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from storage import crypto

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# (table, column, old length, nullable)
TEXT_COLUMNS = (
    ("participants", "alias", 40, True),
    ("commitments", "who", 80, False),
    ("library_submissions", "title", 120, False),
    ("live_sessions", "title", 120, False),
    ("live_sessions", "where", 300, False),
)
JSON_COLUMNS = (("participants", "step_data"), ("broadcasts", "options"), ("outbox", "buttons"))


def _retype(table: str, column: str, new: sa.types.TypeEngine[str], nullable: bool) -> None:
    dialect = op.get_bind().dialect
    if dialect.name != "sqlite":  # VARCHAR and TEXT convert to each other in place
        op.alter_column(table, column, type_=new, existing_nullable=nullable)
        return
    spare = f"{column}_retyped"
    default = "" if nullable else " NOT NULL DEFAULT ''"  # SQLite adds NOT NULL only so
    op.execute(f'ALTER TABLE {table} ADD COLUMN "{spare}" {new.compile(dialect)}{default}')
    op.execute(f'UPDATE {table} SET "{spare}" = "{column}"')  # noqa: S608 - our own names
    op.execute(f'ALTER TABLE {table} DROP COLUMN "{column}"')
    op.execute(f'ALTER TABLE {table} RENAME COLUMN "{spare}" TO "{column}"')


def _rewrite(table: str, column: str, plain: sa.types.TypeEngine[Any],
             secret: crypto.SecretText | crypto.SecretJson, *, encrypt: bool) -> None:
    """Encrypt the values still in plain text (or plain JSON), or decrypt the encrypted."""
    raw = sa.table(table, sa.column("id", sa.Integer), sa.column(column, plain))
    through = sa.table(table, sa.column("id", sa.Integer),
                       sa.column(column, secret if encrypt else plain))
    bind = op.get_bind()
    for row_id, stored in bind.execute(sa.select(raw.c.id, raw.c[column])).all():
        encrypted = isinstance(stored, str) and stored.startswith(crypto.PREFIX)
        if not stored or encrypted == encrypt:
            continue
        value = stored if encrypt else secret.process_result_value(stored, bind.dialect)
        bind.execute(sa.update(through).where(through.c.id == row_id).values({column: value}))


def _rewrite_all(*, encrypt: bool) -> None:
    for table, column, _, _ in TEXT_COLUMNS:
        _rewrite(table, column, sa.Text(), crypto.SecretText(), encrypt=encrypt)
    for table, column in JSON_COLUMNS:
        _rewrite(table, column, sa.JSON(), crypto.SecretJson(), encrypt=encrypt)


def upgrade() -> None:
    for table, column, _, nullable in TEXT_COLUMNS:
        _retype(table, column, sa.Text(), nullable)
    if crypto.has_keys(op.get_bind().dialect):
        _rewrite_all(encrypt=True)


def downgrade() -> None:
    # 0009's models read these columns as plain text and plain JSON.
    if crypto.has_keys(op.get_bind().dialect):
        _rewrite_all(encrypt=False)
    for table, column, length, nullable in TEXT_COLUMNS:
        _retype(table, column, sa.String(length), nullable)

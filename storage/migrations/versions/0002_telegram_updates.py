"""Received Telegram updates: handle each once, answer each once.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.types import UtcDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "telegram_updates",
        sa.Column("bot_id", sa.BigInteger(), nullable=False),
        sa.Column("update_id", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("payload", sa.Text(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("received_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("bot_id", "update_id", name="pk_telegram_updates"),
    )
    op.create_index("ix_telegram_updates_pending", "telegram_updates", ["bot_id", "status"])


def downgrade() -> None:
    op.drop_index("ix_telegram_updates_pending", table_name="telegram_updates")
    op.drop_table("telegram_updates")

"""Delivery policy: each outbox row has a lane (urgent, personal, bulk), the exchange it is
for (fair turns between exchanges), and whether it may repeat an earlier send.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("lane", sa.String(8), nullable=False,
                                   server_default=sa.text("'bulk'")))
        batch.add_column(sa.Column("exchange_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("repeat", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
        # Claims take the urgent lane first: the lane belongs in the index they walk.
        batch.drop_index("ix_outbox_due")
        batch.create_index("ix_outbox_due", ["status", "lane", "next_attempt_at"])


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_index("ix_outbox_due")
        batch.create_index("ix_outbox_due", ["status", "next_attempt_at"])
        batch.drop_column("repeat")
        batch.drop_column("exchange_id")
        batch.drop_column("lane")

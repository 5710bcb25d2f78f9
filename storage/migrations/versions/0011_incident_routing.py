"""Incident routing: each report remembers the widest circle it has reached (safety contacts,
coordinators, every administrator) and when, so an unacknowledged one escalates once per
circle; a private note for the safety desk; the exchange's emergency text, shown to a
reporter when nobody can be reached.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.types import UtcDateTime

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("exchanges") as batch:
        batch.add_column(sa.Column("emergency_text", sa.Text(), nullable=True))
    with op.batch_alter_table("incidents") as batch:
        # None: nobody reachable yet (the sweep delivers it the moment someone is).
        batch.add_column(sa.Column("circle", sa.SmallInteger(), nullable=True))
        batch.add_column(sa.Column("routed_at", UtcDateTime(), nullable=True))
        batch.add_column(sa.Column("note", sa.Text(), nullable=True))
        batch.add_column(sa.Column("noted_at", UtcDateTime(), nullable=True))
    # Reports made before routing existed reached the first circle then.
    op.execute("UPDATE incidents SET circle = 0, routed_at = created_at")
    op.create_index("ix_incidents_routing", "incidents", ["status", "circle"])


def downgrade() -> None:
    op.drop_index("ix_incidents_routing", "incidents")
    with op.batch_alter_table("incidents") as batch:
        for column in ("noted_at", "note", "routed_at", "circle"):
            batch.drop_column(column)
    with op.batch_alter_table("exchanges") as batch:
        batch.drop_column("emergency_text")

"""Learning: progress per module, quiz and scenario results, reflections.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.types import UtcDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _owner() -> sa.Column[int]:
    return sa.Column("participant_id", sa.Integer(), nullable=False)


def upgrade() -> None:
    with op.batch_alter_table("participants") as batch:
        batch.add_column(sa.Column("current_module", sa.String(24), nullable=True))
    op.create_table(
        "module_progress",
        sa.Column("id", sa.Integer(), primary_key=True),
        _owner(),
        sa.Column("module_id", sa.String(24), nullable=False),
        sa.Column("card_id", sa.String(24), nullable=False),
        sa.Column("step_id", sa.String(24), nullable=False),
        sa.Column("started_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("completed_at", UtcDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_module_progress"),
        sa.ForeignKeyConstraint(["participant_id"], ["participants.id"], ondelete="CASCADE",
                                name="fk_module_progress_participant_id_participants"),
        sa.UniqueConstraint("participant_id", "module_id",
                            name="uq_module_progress_participant_module"),
    )
    op.create_table(
        "card_results",
        sa.Column("id", sa.Integer(), primary_key=True),
        _owner(),
        sa.Column("module_id", sa.String(24), nullable=False),
        sa.Column("card_id", sa.String(24), nullable=False),
        sa.Column("choice_id", sa.String(24), nullable=False),
        sa.Column("step_id", sa.String(24), nullable=False),
        sa.Column("correct", sa.Boolean(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_card_results"),
        sa.ForeignKeyConstraint(["participant_id"], ["participants.id"], ondelete="CASCADE",
                                name="fk_card_results_participant_id_participants"),
    )
    op.create_index("ix_card_results_participant", "card_results",
                    ["participant_id", "module_id"])
    op.create_table(
        "reflections",
        sa.Column("id", sa.Integer(), primary_key=True),
        _owner(),
        sa.Column("module_id", sa.String(24), nullable=False),
        sa.Column("card_id", sa.String(24), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_reflections"),
        sa.ForeignKeyConstraint(["participant_id"], ["participants.id"], ondelete="CASCADE",
                                name="fk_reflections_participant_id_participants"),
    )
    op.create_index("ix_reflections_participant", "reflections", ["participant_id"])


def downgrade() -> None:
    op.drop_table("reflections")
    op.drop_table("card_results")
    op.drop_table("module_progress")
    with op.batch_alter_table("participants") as batch:
        batch.drop_column("current_module")

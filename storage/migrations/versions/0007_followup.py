"""After the exchange: commitments, check-ins and their answers, digests, nudge state.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.types import UtcDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("exchanges") as batch:
        batch.add_column(sa.Column("checkin_offsets", sa.JSON(), nullable=False,
                                   server_default=sa.text("'[7, 30, 90, 365]'")))
    with op.batch_alter_table("participants") as batch:
        batch.add_column(sa.Column("paused_until", UtcDateTime(), nullable=True))
        batch.add_column(sa.Column("module_nudges", sa.SmallInteger(), nullable=False,
                                   server_default=sa.text("0")))
        batch.add_column(sa.Column("module_nudged_at", UtcDateTime(), nullable=True))
    op.create_table(
        "commitments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("who", sa.String(80), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("closed_at", UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["participant_id"], ["participants.id"], ondelete="CASCADE",
                                name="fk_commitments_participant_id_participants"),
        sa.PrimaryKeyConstraint("id", name="pk_commitments"),
    )
    op.create_index("ix_commitments_participant", "commitments", ["participant_id", "status"])
    op.create_index("ix_commitments_due", "commitments", ["status", "due_on"])
    op.create_table(
        "checkins",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("exchange_id", sa.Integer(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=True),
        sa.Column("offset_days", sa.SmallInteger(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("reminded_at", UtcDateTime(), nullable=True),
        sa.Column("answered_at", UtcDateTime(), nullable=True),
        sa.Column("wellbeing", sa.SmallInteger(), nullable=True),
        sa.ForeignKeyConstraint(["participant_id"], ["participants.id"], ondelete="CASCADE",
                                name="fk_checkins_participant_id_participants"),
        sa.ForeignKeyConstraint(["exchange_id"], ["exchanges.id"], ondelete="CASCADE",
                                name="fk_checkins_exchange_id_exchanges"),
        sa.ForeignKeyConstraint(["cohort_id"], ["cohorts.id"], ondelete="SET NULL",
                                name="fk_checkins_cohort_id_cohorts"),
        sa.PrimaryKeyConstraint("id", name="pk_checkins"),
        sa.UniqueConstraint("participant_id", "offset_days",
                            name="uq_checkins_participant_offset"),
    )
    op.create_index("ix_checkins_round", "checkins", ["exchange_id", "offset_days", "status"])
    op.create_table(
        "checkin_answers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("checkin_id", sa.Integer(), nullable=False),
        sa.Column("commitment_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("circle_requested", sa.Boolean(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["checkin_id"], ["checkins.id"], ondelete="CASCADE",
                                name="fk_checkin_answers_checkin_id_checkins"),
        sa.ForeignKeyConstraint(["commitment_id"], ["commitments.id"], ondelete="CASCADE",
                                name="fk_checkin_answers_commitment_id_commitments"),
        sa.PrimaryKeyConstraint("id", name="pk_checkin_answers"),
        sa.UniqueConstraint("checkin_id", "commitment_id",
                            name="uq_checkin_answers_checkin_commitment"),
    )
    op.create_table(
        "checkin_digests",
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("offset_days", sa.SmallInteger(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["cohort_id"], ["cohorts.id"], ondelete="CASCADE",
                                name="fk_checkin_digests_cohort_id_cohorts"),
        sa.PrimaryKeyConstraint("cohort_id", "offset_days", name="pk_checkin_digests"),
    )


def downgrade() -> None:
    op.drop_table("checkin_digests")
    op.drop_table("checkin_answers")
    op.drop_table("checkins")
    op.drop_table("commitments")
    with op.batch_alter_table("participants") as batch:
        batch.drop_column("module_nudged_at")
        batch.drop_column("module_nudges")
        batch.drop_column("paused_until")
    with op.batch_alter_table("exchanges") as batch:
        batch.drop_column("checkin_offsets")

"""Cohort handles and rotation, facilitator aliases, broadcasts and the outbox.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.types import UtcDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cohorts") as batch:
        batch.add_column(sa.Column("slug", sa.String(48), nullable=True))
        batch.add_column(sa.Column("facilitator_id", sa.Integer(), nullable=True))
    # Existing cohorts: the first of each exchange takes the exchange's slug, others get the
    # exchange's slug and their id, unique either way.
    op.execute("""
        UPDATE cohorts SET slug = (
            SELECT exchanges.slug FROM exchanges WHERE exchanges.id = cohorts.exchange_id)
            || CASE WHEN cohorts.id = (SELECT MIN(c2.id) FROM cohorts c2
                                        WHERE c2.exchange_id = cohorts.exchange_id)
                    THEN '' ELSE '-' || CAST(cohorts.id AS VARCHAR(12)) END
    """)
    with op.batch_alter_table("cohorts") as batch:
        batch.alter_column("slug", existing_type=sa.String(48), nullable=False)
        batch.create_unique_constraint("uq_cohorts_slug", ["slug"])
        batch.create_foreign_key("fk_cohorts_facilitator_id_participants", "participants",
                                 ["facilitator_id"], ["id"], ondelete="SET NULL")
    with op.batch_alter_table("participants") as batch:
        batch.add_column(sa.Column("alias", sa.String(40), nullable=True))

    op.create_table(
        "broadcasts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sender_id", sa.BigInteger(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("segment", sa.String(60), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("html", sa.Boolean(), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("send_at", UtcDateTime(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("skipped_consent", sa.Integer(), nullable=False),
        sa.Column("skipped_blocked", sa.Integer(), nullable=False),
        sa.Column("status_message_id", sa.BigInteger(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["cohort_id"], ["cohorts.id"], ondelete="CASCADE",
                                name="fk_broadcasts_cohort_id_cohorts"),
        sa.PrimaryKeyConstraint("id", name="pk_broadcasts"),
    )
    op.create_index("ix_broadcasts_due", "broadcasts", ["status", "send_at"])
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(80), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.Column("broadcast_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("html", sa.Boolean(), nullable=False),
        sa.Column("buttons", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("attempts", sa.SmallInteger(), nullable=False),
        sa.Column("next_attempt_at", UtcDateTime(), nullable=False),
        sa.Column("claimed_at", UtcDateTime(), nullable=True),
        sa.Column("sent_at", UtcDateTime(), nullable=True),
        sa.Column("error", sa.String(40), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["participant_id"], ["participants.id"], ondelete="CASCADE",
                                name="fk_outbox_participant_id_participants"),
        sa.ForeignKeyConstraint(["broadcast_id"], ["broadcasts.id"], ondelete="CASCADE",
                                name="fk_outbox_broadcast_id_broadcasts"),
        sa.PrimaryKeyConstraint("id", name="pk_outbox"),
        sa.UniqueConstraint("key", name="uq_outbox_key"),
    )
    op.create_index("ix_outbox_due", "outbox", ["status", "next_attempt_at"])
    op.create_index("ix_outbox_broadcast", "outbox", ["broadcast_id", "status"])
    op.create_index("ix_outbox_participant_id", "outbox", ["participant_id"])
    op.create_table(
        "broadcast_answers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("broadcast_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("option", sa.SmallInteger(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["broadcast_id"], ["broadcasts.id"], ondelete="CASCADE",
                                name="fk_broadcast_answers_broadcast_id_broadcasts"),
        sa.ForeignKeyConstraint(["participant_id"], ["participants.id"], ondelete="CASCADE",
                                name="fk_broadcast_answers_participant_id_participants"),
        sa.PrimaryKeyConstraint("id", name="pk_broadcast_answers"),
        sa.UniqueConstraint("broadcast_id", "participant_id",
                            name="uq_broadcast_answers_broadcast_participant"),
    )


def downgrade() -> None:
    op.drop_table("broadcast_answers")
    op.drop_table("outbox")
    op.drop_table("broadcasts")
    with op.batch_alter_table("participants") as batch:
        batch.drop_column("alias")
    with op.batch_alter_table("cohorts") as batch:
        batch.drop_constraint("fk_cohorts_facilitator_id_participants", type_="foreignkey")
        batch.drop_constraint("uq_cohorts_slug", type_="unique")
        batch.drop_column("facilitator_id")
        batch.drop_column("slug")

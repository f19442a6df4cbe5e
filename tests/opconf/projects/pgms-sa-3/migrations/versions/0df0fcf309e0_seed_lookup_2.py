"""seed lookup_2

Revision ID: 0df0fcf309e0
Revises: a83cdf41f0cb
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
import datetime  # noqa: F401

# revision identifiers, used by Alembic.
revision = '0df0fcf309e0'
down_revision = 'a83cdf41f0cb'
branch_labels = None
depends_on = None

TABLE = 'lookup_2'
SCHEMA = 'audit'
ROWS = [
    {'id': 1, 'label': 'ünïcode', 'flag': False, 'born': None, 'n': None},
    {'id': 2, 'label': 'ünïcode', 'flag': False, 'born': None, 'n': None},
    {'id': 3, 'label': 'ünïcode', 'flag': False, 'born': None, 'n': None},
]


def _table():
    return sa.table(
        TABLE,
        sa.column('id', sa.Integer),
        sa.column('label', sa.String),
        sa.column('flag', sa.Boolean),
        sa.column('born', sa.Date),
        sa.column('n', sa.Integer),
        schema=SCHEMA,
    )



def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('label', sa.String(length=40), nullable=False),
        sa.Column('flag', sa.Boolean(), nullable=True),
        sa.Column('born', sa.Date(), nullable=True),
        sa.Column('n', sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_lookup_2')),
        schema=SCHEMA,
    )
    op.bulk_insert(_table(), ROWS)
    bind = op.get_bind()
    bind.execute(sa.text("UPDATE audit.lookup_2 SET n = n + 1 WHERE n IS NOT NULL"))
    op.execute("UPDATE audit.lookup_2 SET label = 'renamed' WHERE id = 1")
    op.create_index(op.f('ix_lookup_2_n'), TABLE, ['n'], unique=False, schema=SCHEMA)
    if op.get_bind().dialect.name == 'postgresql':
        with op.get_context().autocommit_block():
            op.create_index('ix_lookup_2_label', TABLE, ['label'], postgresql_concurrently=True, schema=SCHEMA)
        op.create_table_comment(TABLE, 'lookup values', schema=SCHEMA)
        op.create_check_constraint('ck_lookup_2_n', TABLE, 'n > 0', schema=SCHEMA)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.drop_constraint('ck_lookup_2_n', TABLE, type_='check', schema=SCHEMA)
        op.drop_table_comment(TABLE, existing_comment='lookup values', schema=SCHEMA)
        op.drop_index('ix_lookup_2_label', table_name=TABLE, schema=SCHEMA)
    op.drop_index(op.f('ix_lookup_2_n'), table_name=TABLE, schema=SCHEMA)
    op.execute('DELETE FROM audit.lookup_2')
    op.drop_table(TABLE, schema=SCHEMA)

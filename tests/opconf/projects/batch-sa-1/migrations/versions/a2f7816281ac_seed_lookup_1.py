"""seed lookup_1

Revision ID: a2f7816281ac
Revises: 14f01a53061e
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
import datetime  # noqa: F401

# revision identifiers, used by Alembic.
revision = 'a2f7816281ac'
down_revision = '14f01a53061e'
branch_labels = None
depends_on = None

TABLE = 'lookup_1'
ROWS = [
    {'id': 1, 'label': '', 'flag': False, 'born': None, 'n': None},
    {'id': 2, 'label': 'tab\there', 'flag': False, 'born': None, 'n': 14},
]


def _table():
    return sa.table(
        TABLE,
        sa.column('id', sa.Integer),
        sa.column('label', sa.String),
        sa.column('flag', sa.Boolean),
        sa.column('born', sa.Date),
        sa.column('n', sa.Integer),
    )



def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('label', sa.String(length=40), nullable=False),
        sa.Column('flag', sa.Boolean(), nullable=True),
        sa.Column('born', sa.Date(), nullable=True),
        sa.Column('n', sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_lookup_1')),
    )
    op.bulk_insert(_table(), ROWS)
    bind = op.get_bind()
    bind.execute(sa.text("UPDATE lookup_1 SET n = n + 1 WHERE n IS NOT NULL"))
    op.execute("UPDATE lookup_1 SET label = 'renamed' WHERE id = 1")
    op.create_index(op.f('ix_lookup_1_n'), TABLE, ['n'], unique=False)
    if op.get_bind().dialect.name == 'postgresql':
        op.create_index('ix_lookup_1_label', TABLE, ['label'], postgresql_using='btree')
    else:
        op.create_index('ix_lookup_1_label', TABLE, ['label'], unique=False)
    op.create_index('ix_lookup_1_lower', TABLE, [sa.text('lower(label)')])


def downgrade() -> None:
    op.drop_index('ix_lookup_1_lower', table_name=TABLE)
    op.drop_index('ix_lookup_1_label', table_name=TABLE)
    op.drop_index(op.f('ix_lookup_1_n'), table_name=TABLE)
    op.execute('DELETE FROM lookup_1')
    op.drop_table(TABLE)

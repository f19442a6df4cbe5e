"""seed lookup_1

Revision ID: f876e79ebcb4
Revises: 77ec10a70725
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
import datetime  # noqa: F401

# revision identifiers, used by Alembic.
revision = 'f876e79ebcb4'
down_revision = '77ec10a70725'
branch_labels = None
depends_on = None

TABLE = 'lookup_1'
ROWS = [
    {'id': 1, 'label': "o'neil", 'flag': None, 'born': None, 'n': 7},
    {'id': 2, 'label': "o'neil", 'flag': None, 'born': datetime.date(2020, 1, 2), 'n': 14},
    {'id': 3, 'label': 'ünïcode', 'flag': None, 'born': datetime.date(2020, 1, 3), 'n': 21},
    {'id': 4, 'label': "o'neil", 'flag': None, 'born': None, 'n': None},
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


def downgrade() -> None:
    op.drop_index('ix_lookup_1_label', table_name=TABLE)
    op.drop_index(op.f('ix_lookup_1_n'), table_name=TABLE)
    op.execute('DELETE FROM lookup_1')
    op.drop_table(TABLE)

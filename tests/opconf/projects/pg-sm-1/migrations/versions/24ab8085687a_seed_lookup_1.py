"""seed lookup_1

Revision ID: 24ab8085687a
Revises: 240760bd2007
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
import datetime  # noqa: F401

# revision identifiers, used by Alembic.
revision = '24ab8085687a'
down_revision = '240760bd2007'
branch_labels = None
depends_on = None

TABLE = 'lookup_1'
ROWS = [
    {'id': 1, 'label': 'plain', 'flag': None, 'born': None, 'n': 7},
    {'id': 2, 'label': "o'neil", 'flag': True, 'born': None, 'n': 14},
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
        with op.get_context().autocommit_block():
            op.create_index('ix_lookup_1_label', TABLE, ['label'], postgresql_concurrently=True)
        op.create_table_comment(TABLE, 'lookup values')
        op.create_check_constraint('ck_lookup_1_n', TABLE, 'n > 0')
    op.create_index('ix_lookup_1_lower', TABLE, [sa.text('lower(label)')])


def downgrade() -> None:
    op.drop_index('ix_lookup_1_lower', table_name=TABLE)
    if op.get_bind().dialect.name == 'postgresql':
        op.drop_constraint('ck_lookup_1_n', TABLE, type_='check')
        op.drop_table_comment(TABLE, existing_comment='lookup values')
        op.drop_index('ix_lookup_1_label', table_name=TABLE)
    op.drop_index(op.f('ix_lookup_1_n'), table_name=TABLE)
    op.execute('DELETE FROM lookup_1')
    op.drop_table(TABLE)

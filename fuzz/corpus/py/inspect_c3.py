"""tag table, then inspect

Revision ID: c3
Revises: b2
Create Date: 2026-12-02 20:02:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c3'
down_revision = 'b2'
branch_labels = None
depends_on = None


def has_table(name):
    return name in sa.inspect(op.get_bind()).get_table_names()


def upgrade():
    cached = sa.inspect(op.get_bind())
    before = cached.get_table_names()
    op.create_table('tag', sa.Column('id', sa.Integer(), primary_key=True))
    if has_table('tag'):
        op.create_index('ix_tag_id', 'tag', ['id'])
    if 'tag' not in cached.get_table_names():
        op.execute("INSERT INTO item (id, name) VALUES (%d, 'cached')" % (len(before) + 10))


def downgrade():
    op.drop_index('ix_tag_id', table_name='tag')
    op.drop_table('tag')

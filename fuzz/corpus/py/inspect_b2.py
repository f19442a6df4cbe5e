"""add note if missing

Revision ID: b2
Revises: a1
Create Date: 2026-12-02 20:01:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.engine.reflection import Inspector


# revision identifiers, used by Alembic.
revision = 'b2'
down_revision = 'a1'
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    inspector = Inspector.from_engine(conn)
    columns = [c['name'] for c in inspector.get_columns('item')]
    if 'note' not in columns:
        op.add_column('item', sa.Column('note', sa.String(length=50), nullable=True))
    names = [ix['name'] for ix in inspector.get_indexes('item')]
    if 'ix_item_name' not in names and len(columns) >= 2:
        op.create_index('ix_item_name', 'item', ['name'])
    nullable = {c['name']: c['nullable'] for c in inspector.get_columns('item')}
    if not nullable['id']:
        op.execute("INSERT INTO item (id, name) SELECT 1, 'nn' WHERE NOT EXISTS (SELECT 1 FROM item WHERE id = 1)")


def downgrade():
    insp = sa.inspect(op.get_bind())
    if 'ix_item_name' in [ix['name'] for ix in insp.get_indexes('item')]:
        op.drop_index('ix_item_name', table_name='item')
    op.execute("DELETE FROM item WHERE id = 1")

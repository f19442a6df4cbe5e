"""Typed with a list and a bare tuple

Revision ID: t1
Revises: a, b
"""
from typing import Sequence, Union

revision: str = 't1'
down_revision: Union[str, Sequence[str], None] = ['a', 'b']
branch_labels: Union[str, Sequence[str], None] = 'lab', 'el'
depends_on: Union[str, Sequence[str], None] = ('only')


def upgrade() -> None:
    """Upgrade schema."""
    op.execute("CREATE TABLE t (id INTEGER)")
    op.execute(sa.text('INSERT INTO t VALUES (1)'))
    op.execute(text('''
        UPDATE t SET id = 2
    '''))  # trailing comment
    op.execute("SELECT 1"); op.execute("SELECT 2",)
    pass


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DROP TABLE t")
    op.create_table("x")
    op.execute("never reached")

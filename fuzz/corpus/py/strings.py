r'''Raw docstring with \n kept

Revision ID: s1
'''
# -*- coding: utf-8 -*-
from alembic import op
import sqlalchemy as sa
from typing import Sequence, Union

revision = u"s1"
down_revision = (
    'a1',  # first
    "a2"
    "b",
    R'a\3',
    '''t
q''',
    """x\ty""",
    '\x41\u00e9\U0001F600\101\'\"\\',
    'bs\
nl',
)
branch_labels = ['x', ]
depends_on = 'p' 'q'

import os
"""not a docstring"""
revision = 'n1'
down_revision = ''
branch_labels = None

revision = "\N{BULLET}"
down_revision = None

revision = "\x4"
down_revision = None

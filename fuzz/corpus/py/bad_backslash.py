revision = "a" \ x
down_revision = None

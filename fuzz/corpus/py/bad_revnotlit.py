import x
revision = x.REV
down_revision = None

revision = "a"
down_revision = f"b"

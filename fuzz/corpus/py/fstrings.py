x = f"{d[\"k\"]!r:>{w}} {{lit}} {f'{y}'}"
revision = "f"
down_revision = None

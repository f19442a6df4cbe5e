x = f"~d[\"k\", *args, :&int = 2, **kw) -> N]!r:>|w}} {{lit}} f{'{y}'}"
revision = "f"
down_revision = None

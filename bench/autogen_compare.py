#!/usr/bin/env python3
# bench/autogen_compare.py PROJECT [RECURSION_LIMIT] - Python Alembic 1.8.1's stand-in for
# `alembic check` (1.8.1 has none), for bench/autogen.sh: imports PROJECT's
# models.py (a SQLModel module), connects to $POSTGRES_URL and runs
# alembic.autogenerate.compare_metadata with compare_type and
# compare_server_default on (as the bench's env.py configures), then prints
# the number of differences and each one.  Exit status 0 when there is none,
# 1 otherwise.  RECURSION_LIMIT raises Python's (SQLAlchemy reflects a foreign
# key's referred table recursively: a deep chain needs it).  Start-up and imports are part of what the bench times.
import os
import sys


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: autogen_compare.py PROJECT [RECURSION_LIMIT]")
    if len(sys.argv) == 3:
        sys.setrecursionlimit(int(sys.argv[2]))
    sys.path.insert(0, sys.argv[1])
    import models  # noqa: F401 (the tables register on SQLModel.metadata)
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine
    from sqlmodel import SQLModel

    engine = create_engine(os.environ["POSTGRES_URL"])
    with engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"compare_type": True, "compare_server_default": True})
        diff = compare_metadata(ctx, SQLModel.metadata)
    print("differences: %d" % len(diff))
    for d in diff:
        print("  %r" % (d,))
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())

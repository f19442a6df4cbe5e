#!/bin/sh
# tests/opconf/record.sh [NAME...] - (re)record the op.* conformance projects
# with Python Alembic 1.8.1 (Debian's python3-alembic, python3-sqlalchemy 1.4,
# python3-sqlmodel, python3-psycopg2) on SQLite and a throwaway PostgreSQL
# cluster (tests/pg.sh).  Takes several minutes; not run in CI.
set -eu
cd "$(dirname "$0")/../.."
export ALEMBIC_PG_STATE=tests/tmp/pg-opconf-record.state
tests/pg.sh start >/dev/null
trap 'tests/pg.sh stop' EXIT INT TERM
eval "$(tests/pg.sh env)"
export ALEMBIC_TEST_PG_URL
PYTHONDONTWRITEBYTECODE=1 /usr/bin/python3 tests/opconf/record.py "$@"

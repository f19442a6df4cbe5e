#!/bin/sh
# tests/opconf/check.sh [-v] [PROJECT...] - run our executable ($ALEMBIC_BIN,
# default build/alembic) on the recorded op.* conformance projects and compare
# with what Python Alembic 1.8.1 printed and left (see README.md).  Online
# PostgreSQL cases need ALEMBIC_TEST_PG_URL (tests/run sets it).
cd "$(dirname "$0")/../.." || exit 1
PYTHONDONTWRITEBYTECODE=1 python3 tests/opconf/selftest.py
st=$?
PYTHONDONTWRITEBYTECODE=1 python3 tests/opconf/check.py "$@" || st=1
exit $st

#!/bin/sh
# record.sh [PROJECT...] - re-record the expected outputs from Python Alembic 1.8.1
# (needs /usr/bin/python3 with alembic 1.8.1 and SQLAlchemy 1.4; CI never runs this).
# See README.md.  The recordings land in tests/conformance/expected/.
set -eu
cd "$(dirname "$0")"
/usr/bin/python3 -c 'import alembic, sys; sys.exit(alembic.__version__ != "1.8.1")' || {
	echo "record.sh: Python Alembic 1.8.1 is required" >&2
	exit 1
}
exec env PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 LC_ALL=C.UTF-8 /usr/bin/python3 record.py "$@" </dev/null

#!/bin/sh
# check.sh [-v] [PROJECT...] - conformance of $ALEMBIC_BIN against the outputs
# recorded from Python Alembic 1.8.1 (tests/conformance/expected/).  Needs only
# python3's standard library.  Last line: "conformance: N passed, N failed".
# See README.md.
set -u
here=$(dirname "$0")
if ! command -v python3 >/dev/null 2>&1; then
	echo "conformance: python3 is required to regenerate the projects"
	echo "conformance: 0 passed, 1 failed"
	exit 1
fi
exec python3 "$here/check.py" "$@"

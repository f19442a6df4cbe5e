#!/bin/sh
# check_lib.sh - self-test of the conformance machinery (normalisation,
# divergence rewrites, generator determinism); needs only python3.
here=$(dirname "$0")
if ! command -v python3 >/dev/null 2>&1; then
	echo "conformance-lib: 0 passed, 1 failed (python3 missing)"
	exit 1
fi
exec python3 "$here/selftest.py"

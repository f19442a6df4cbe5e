# bench/lib.sh - shell helpers the bench scripts share (sourced, not run).

now() { date +%s.%N; }
# elapsed T0 T1: seconds between two now() readings, 3 decimals
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
# ratio A B: A / B with 2 decimals, "n/a" when either is n/a or B is 0
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "n/a" && b != "n/a" && b > 0) printf "%.2f", a / b; else print "n/a" }'; }
# stats FILE: "min median" of the numbers in FILE, one a line
stats() { sort -n "$1" | awk '{ v[NR] = $1 } END { printf "%.3f %.3f", v[1], (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# py_revision_head MESSAGE ID PREV IMPORTS: an Alembic .py revision up to
# "def upgrade():" exclusive (PREV is a Python literal: None or 'id';
# IMPORTS the import lines), as Alembic's generic script.py.mako lays it out.
py_revision_head() {
	revises=$(if [ "$3" = None ]; then echo; else echo "$3" | tr -d "'"; fi)
	cat <<EOF2
"""$1

Revision ID: $2
Revises: $revises
Create Date: 2026-01-01 00:00:00.000000

"""
$4

# revision identifiers, used by Alembic.
revision = '$2'
down_revision = $3
branch_labels = None
depends_on = None


EOF2
}

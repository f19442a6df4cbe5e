# tests/cli/fixtures.sh - sourced by the CLI tests (not a test): small
# projects written as Alembic 1.8.1 would (alembic.ini + Python revision
# files in Alembic's generated form), so the oracle can read them too.
#
#   write_ini [VERSION_LOCATIONS]      alembic.ini in $P (script_location = migrations)
#   mkrev DIR ID DOWN DEPS LABELS MSG  one revision file DIR/ID_<slug>.py;
#                                      DOWN/DEPS/LABELS: "" or Python values
#                                      as written ('a', ('a', 'b'), ...)
#   project_p3                         aaaa0001 -> {bbbb0001 -> bbbb0002, cccc0001}
#   project_p4                         the labelled, cross-dependent project of
#                                      the reference (§3, p4)

write_ini() {
	mkdir -p migrations/versions
	{
		echo "[alembic]"
		echo "script_location = migrations"
		echo "sqlalchemy.url = sqlite:///test.db"
		if [ -n "${1:-}" ]; then
			echo "version_locations = $1"
			echo "version_path_separator = space"
		fi
	} >alembic.ini
}

mkrev() {
	dir=$1 id=$2 down=$3 deps=$4 labels=$5 msg=$6
	revises=$(printf '%s' "$down" | tr -d "()'" | sed 's/,$//; s/, *$//')
	mkdir -p "$dir"
	cat >"$dir/${id}_$(printf '%s' "$msg" | tr ' ' '_').py" <<EOF
"""$msg

Revision ID: $id
Revises: $revises
Create Date: 2026-11-24 00:29:08.645121

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '$id'
down_revision = ${down:-None}
branch_labels = ${labels:-None}
depends_on = ${deps:-None}


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
EOF
}

project_p3() {
	write_ini
	V=migrations/versions
	mkrev $V aaaa0001 "" "" "" "root a"
	mkrev $V bbbb0001 "'aaaa0001'" "" "" "b one"
	mkrev $V bbbb0002 "'bbbb0001'" "" "" "b two"
	mkrev $V cccc0001 "'aaaa0001'" "" "" "c one"
}

project_p4() {
	write_ini "%(here)s/migrations/versions %(here)s/netlib_versions"
	V=migrations/versions
	N=netlib_versions
	mkrev $V a1000001 "" "" "('core',)" "core one"
	mkrev $V a1000002 "'a1000001'" "" "" "core two"
	mkrev $V a1000003 "'a1000002'" "'netlib'" "" "core three needs net"
	mkrev $V a1000004 "'a1000003'" "'z1000001'" "" "core four needs zeta"
	mkrev $N n1000001 "" "" "('netlib',)" "net one"
	mkrev $N n1000002 "'n1000001'" "" "" "net two"
	mkrev $N n1000003 "'n1000002'" "'a1000002'" "" "net three"
	mkrev $V z1000001 "" "" "('zz',)" "zeta base"
}

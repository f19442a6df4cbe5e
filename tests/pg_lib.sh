# tests/pg_lib.sh - helpers for CLI tests on the PostgreSQL cluster of tests/pg.sh
# (sourced after tests/cli/runtime_sqlite.sh's helpers, which give rt_project).
#
#   pg DB SQL              psql over the cluster's unix socket (trust there): unaligned
#                          tuples-only output, rows joined by spaces
#   pg_project [INI LINE]  fresh project on a fresh database $DB with URL $URL
#   rows / tables          the version rows / public tables of $DB, space-joined
#   pg_py_copy DIR         a copy of the project in the current directory at DIR, its
#                          alembic.ini on database $DBNAME over the socket (Python Alembic's
#                          configparser refuses the TCP URL's %20)

pg() {
	"$ALEMBIC_TEST_PG_BIN/psql" -X -q -A -t -h "$ALEMBIC_TEST_PG_DIR" -p "$ALEMBIC_TEST_PG_PORT" \
		-U alembic_test -d "$1" -c "$2" 2>&1 | tr '\n' ' '
}

DBN=0
pg_project() {
	DBN=$((DBN + 1))
	DB="rt_$$_$DBN"
	pg postgres "CREATE DATABASE $DB" >/dev/null
	URL="${ALEMBIC_TEST_PG_URL%/*}/$DB"
	rt_project "$URL" "$@"
}

rows() { pg "$DB" "SELECT version_num FROM alembic_version ORDER BY 1"; }
tables() { pg "$DB" "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"; }

pg_py_copy() {
	cp -R . "$1" &&
		sed -i -e "s|^sqlalchemy.url = .*|sqlalchemy.url = postgresql://alembic_test@/$DBNAME?host=$ALEMBIC_TEST_PG_DIR\&port=$ALEMBIC_TEST_PG_PORT|" \
			"$1/alembic.ini"
}

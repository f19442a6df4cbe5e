#!/bin/sh
# tests/pg.sh start|stop|env - a throwaway PostgreSQL cluster for the tests.
#
# start: initdb in a fresh temporary directory owned by an unprivileged user
#        (Debian's "postgres" user via runuser when we are root), listening on
#        a unix socket in that directory and on 127.0.0.1 at a free port, with
#        password (scram) authentication over TCP.  Creates the superuser role
#        alembic_test / password "s3cret pw" (a space and a quote-free special
#        char, to exercise URL encoding).
# env:   prints "ALEMBIC_TEST_PG_URL=postgresql://..." for eval.
# stop:  stops the server and removes the directory.
# State lives in tests/tmp/pg.state (or $ALEMBIC_PG_STATE, so that parallel
# runs in one checkout do not stop each other's cluster) so that
# start/env/stop can be separate calls.
set -eu
cd "$(dirname "$0")/.."
STATE=${ALEMBIC_PG_STATE:-tests/tmp/pg.state}
mkdir -p "$(dirname "$STATE")"

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)

load_state() { # "." needs a path with a slash
	case $STATE in
	/*) . "$STATE" ;;
	*) . "./$STATE" ;;
	esac
}

as_pg() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

free_port() {
	python3 - <<'PY' 2>/dev/null || echo 54329
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

case "${1:-}" in
start)
	[ -n "$bindir" ] || { echo "pg.sh: no PostgreSQL server binaries under /usr/lib/postgresql" >&2; exit 1; }
	[ ! -f "$STATE" ] || "$0" stop || true
	dir=$(mktemp -d /tmp/alembic-pg.XXXXXX)
	chmod 755 "$dir"
	[ "$(id -u)" != 0 ] || chown postgres "$dir"
	port=$(free_port)
	pwfile="$dir/pw"
	printf '%s\n' 's3cret pw' >"$pwfile"
	[ "$(id -u)" != 0 ] || chown postgres "$pwfile"
	as_pg "$bindir/initdb" -D "$dir/data" -U alembic_test --pwfile="$pwfile" \
		--auth-local=trust --auth-host=scram-sha-256 --no-sync -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
	as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60" start >/dev/null ||
		{ cat "$dir/server.log" >&2; exit 1; }
	printf 'dir=%s\nport=%s\n' "$dir" "$port" >"$STATE"
	echo "PostgreSQL test cluster on 127.0.0.1:$port ($dir)"
	;;
env)
	load_state
	echo "ALEMBIC_TEST_PG_URL='postgresql://alembic_test:s3cret%20pw@127.0.0.1:$port/postgres'"
	echo "ALEMBIC_TEST_PG_DIR='$dir'"
	echo "ALEMBIC_TEST_PG_PORT='$port'"
	echo "ALEMBIC_TEST_PG_BIN='$bindir'"
	;;
stop)
	[ -f "$STATE" ] || exit 0
	load_state
	as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
	rm -rf "$dir" "$STATE"
	;;
*)
	echo "usage: tests/pg.sh start|env|stop" >&2
	exit 2
	;;
esac

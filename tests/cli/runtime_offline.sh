#!/bin/sh
# tests/cli/runtime_offline.sh - offline (--sql) output byte for byte as
# Alembic 1.8.1 prints it (ref §10), except the trailing
# "DROP TABLE alembic_version;" at base, which newer Alembic (1.19) no
# longer prints and neither do we.  Offline mode never connects: the URLs
# point at a port where nothing listens.
RT_HELPERS_ONLY=1 . "$(dirname "$0")/runtime_sqlite.sh"

# p12 (the reference's §10.1b project) comes from runtime_sqlite.sh's helpers
p12 sqlite:////nonexistent-dir/never/created.db
run alembic upgrade head --sql
expect_rc 0 "sqlite upgrade head --sql"
expect_out "ref 10.1b sqlite upgrade" <<'EOF'
CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> a1b2c3d4e5f6

CREATE TABLE log (id INTEGER PRIMARY KEY, msg TEXT);

INSERT INTO alembic_version (version_num) VALUES ('a1b2c3d4e5f6');

-- Running upgrade a1b2c3d4e5f6 -> 0f1e2d3c4b5a

INSERT INTO log (msg) VALUES ('hello');

UPDATE alembic_version SET version_num='0f1e2d3c4b5a' WHERE alembic_version.version_num = 'a1b2c3d4e5f6';

EOF
expect_err "sqlite offline log lines" <<'EOF'
INFO  [alembic.runtime.migration] Context impl SQLiteImpl.
INFO  [alembic.runtime.migration] Generating static SQL
INFO  [alembic.runtime.migration] Will assume non-transactional DDL.
INFO  [alembic.runtime.migration] Running upgrade  -> a1b2c3d4e5f6, create log
INFO  [alembic.runtime.migration] Running upgrade a1b2c3d4e5f6 -> 0f1e2d3c4b5a, seed log
EOF
expect_eq "$(ls /nonexistent-dir 2>&1 >/dev/null | wc -l)" "1" "offline never opened the database"
run alembic downgrade head:base --sql
expect_out "ref 10.1b sqlite downgrade (no DROP TABLE, as Alembic 1.19)" <<'EOF'
-- Running downgrade 0f1e2d3c4b5a -> a1b2c3d4e5f6

DELETE FROM log WHERE msg = 'hello';

UPDATE alembic_version SET version_num='a1b2c3d4e5f6' WHERE alembic_version.version_num = '0f1e2d3c4b5a';

-- Running downgrade a1b2c3d4e5f6 -> 

DROP TABLE log;

DELETE FROM alembic_version WHERE alembic_version.version_num = 'a1b2c3d4e5f6';

EOF
run alembic downgrade head --sql
expect_rc 255 "downgrade --sql without a range"
expect_out "downgrade --sql without a range message" <<'EOF'
FAILED: downgrade with --sql requires <fromrev>:<torev>
EOF

p12 "postgresql://u:secret@127.0.0.1:1/db"
run alembic upgrade head --sql
expect_rc 0 "postgresql upgrade head --sql"
expect_out "ref 10.1b postgresql upgrade" <<'EOF'
BEGIN;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> a1b2c3d4e5f6

CREATE TABLE log (id INTEGER PRIMARY KEY, msg TEXT);

INSERT INTO alembic_version (version_num) VALUES ('a1b2c3d4e5f6') RETURNING alembic_version.version_num;

-- Running upgrade a1b2c3d4e5f6 -> 0f1e2d3c4b5a

INSERT INTO log (msg) VALUES ('hello');

UPDATE alembic_version SET version_num='0f1e2d3c4b5a' WHERE alembic_version.version_num = 'a1b2c3d4e5f6';

COMMIT;

EOF
run alembic downgrade head:base --sql
expect_out "postgresql downgrade head:base" <<'EOF'
BEGIN;

-- Running downgrade 0f1e2d3c4b5a -> a1b2c3d4e5f6

DELETE FROM log WHERE msg = 'hello';

UPDATE alembic_version SET version_num='a1b2c3d4e5f6' WHERE alembic_version.version_num = '0f1e2d3c4b5a';

-- Running downgrade a1b2c3d4e5f6 -> 

DROP TABLE log;

DELETE FROM alembic_version WHERE alembic_version.version_num = 'a1b2c3d4e5f6';

COMMIT;

EOF
printf 'transaction_per_migration = true\n' >>alembic.ini
run alembic upgrade a1b2c3d4e5f6:head --sql
expect_out "ref 10.5 shape: per-migration, starting from a revision" <<'EOF'
BEGIN;

-- Running upgrade a1b2c3d4e5f6 -> 0f1e2d3c4b5a

INSERT INTO log (msg) VALUES ('hello');

UPDATE alembic_version SET version_num='0f1e2d3c4b5a' WHERE alembic_version.version_num = 'a1b2c3d4e5f6';

COMMIT;

EOF

# ref §10.6 branches on PostgreSQL (blank lines removed), §10.8 stamps
rt_project "postgresql://u@127.0.0.1:1/db"
rt_rev aaaa0001 "" "a" "" ""
rt_rev bbbb0001 "aaaa0001" "b1" "" ""
rt_rev bbbb0002 "bbbb0001" "b2" "" ""
rt_rev cccc0001 "aaaa0001" "c1" "" ""
rt_rev eeee0001 "bbbb0002, cccc0001" "merge" "" ""
run alembic downgrade eeee0001:aaaa0001 --sql
sed '/^$/d' "$T_ROOT/.out" >"$T_ROOT/.out2" && mv "$T_ROOT/.out2" "$T_ROOT/.out"
expect_out "ref 10.6 downgrade eeee0001:aaaa0001" <<'EOF'
BEGIN;
-- Running downgrade eeee0001 -> bbbb0002, cccc0001
INSERT INTO alembic_version (version_num) VALUES ('bbbb0002') RETURNING alembic_version.version_num;
UPDATE alembic_version SET version_num='cccc0001' WHERE alembic_version.version_num = 'eeee0001';
-- Running downgrade bbbb0002 -> bbbb0001
UPDATE alembic_version SET version_num='bbbb0001' WHERE alembic_version.version_num = 'bbbb0002';
-- Running downgrade bbbb0001 -> aaaa0001
DELETE FROM alembic_version WHERE alembic_version.version_num = 'bbbb0001';
-- Running downgrade cccc0001 -> aaaa0001
UPDATE alembic_version SET version_num='aaaa0001' WHERE alembic_version.version_num = 'cccc0001';
COMMIT;
EOF
sed -i 's|postgresql://u@127.0.0.1:1/db|sqlite:///app.db|' alembic.ini
run alembic stamp --sql bbbb0001
expect_out "stamp --sql from base" <<'EOF'
CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running stamp_revision  -> bbbb0001

INSERT INTO alembic_version (version_num) VALUES ('bbbb0001');

EOF
expect_err_has "INFO  [alembic.runtime.migration] Running stamp_revision  -> bbbb0001" "stamp log"
run alembic stamp --sql aaaa0001:bbbb0002
expect_out "stamp --sql A:B" <<'EOF'
-- Running stamp_revision aaaa0001 -> bbbb0002

UPDATE alembic_version SET version_num='bbbb0002' WHERE alembic_version.version_num = 'aaaa0001';

EOF
run alembic stamp --sql bbbb0002:base
expect_out "stamp --sql A:base (no DROP TABLE, as Alembic 1.19)" <<'EOF'
-- Running stamp_revision bbbb0002 -> 

DELETE FROM alembic_version WHERE alembic_version.version_num = 'bbbb0002';

EOF
run alembic stamp --sql aaaa0001:bbbb0001 cccc0001:eeee0001
expect_rc 255 "stamp --sql with two starts"
expect_out "stamp --sql with two starts message" <<'EOF'
FAILED: Stamp operation with --sql only supports a single starting revision at a time
EOF
run alembic ensure_version --sql
expect_out "ensure_version --sql" <<'EOF'
CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

EOF
expect_eq "$(ls app.db 2>/dev/null)" "" "offline created no database file"
printf 'version_table_pk = false\n' >>alembic.ini
run alembic ensure_version --sql
expect_out "version_table_pk = false" <<'EOF'
CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL
);

EOF

# ref §10.7 other dialects, and native SQL sections with an autocommit block
rt_project "mssql+pyodbc://u:p@127.0.0.1:1/db" "version_table = my_versions" \
	"version_table_schema = audit"
rt_rev aaaa0001 "" "a" "" ""
rt_rev bbbb0001 "aaaa0001" "b" "ALTER TABLE account ADD last_transaction_date DATETIME NULL;" ""
run alembic upgrade aaaa0001:bbbb0001 --sql
expect_out "mssql offline with a schema-qualified version table" <<'EOF'
BEGIN TRANSACTION;

-- Running upgrade aaaa0001 -> bbbb0001

ALTER TABLE account ADD last_transaction_date DATETIME NULL;

GO

UPDATE audit.my_versions SET version_num='bbbb0001' WHERE audit.my_versions.version_num = 'aaaa0001';

GO

COMMIT;

GO

EOF
expect_err_has "Context impl MSSQLImpl." "mssql impl"
sed -i 's|^sqlalchemy.url = .*|sqlalchemy.url = oracle://u:p@127.0.0.1:1/db|' alembic.ini
run alembic upgrade aaaa0001:bbbb0001 --sql
expect_out "oracle offline" <<'EOF'
-- Running upgrade aaaa0001 -> bbbb0001

ALTER TABLE account ADD last_transaction_date DATETIME NULL

/

UPDATE audit.my_versions SET version_num='bbbb0001' WHERE audit.my_versions.version_num = 'aaaa0001'

/

EOF
rt_project "postgresql://u@127.0.0.1:1/db"
rt_rev x1 "" "x1" "CREATE TABLE t (a int);
-- migrate:autocommit
CREATE INDEX CONCURRENTLY t_a ON t (a);
-- migrate:end-autocommit
INSERT INTO t VALUES (1)" "DROP TABLE t;"
run alembic upgrade head --sql
sed '/^$/d' "$T_ROOT/.out" >"$T_ROOT/.out2" && mv "$T_ROOT/.out2" "$T_ROOT/.out"
expect_out "autocommit block offline (Alembic's autocommit_block: COMMIT/BEGIN around it)" <<'EOF'
BEGIN;
CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
-- Running upgrade  -> x1
CREATE TABLE t (a int);
COMMIT;
CREATE INDEX CONCURRENTLY t_a ON t (a);
BEGIN;
INSERT INTO t VALUES (1);
INSERT INTO alembic_version (version_num) VALUES ('x1') RETURNING alembic_version.version_num;
COMMIT;
EOF

finish

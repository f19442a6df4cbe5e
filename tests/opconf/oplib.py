"""oplib.py - shared by record.py and check.py (standard library only).

Cases, the online step sequence, the catalog dumps and the normalisation, so
that the recorder (Python Alembic) and the checker (our executable) render
results through one function each.

Case names:
  off-DIALECT-up     upgrade head --sql          (-c DIALECT.ini)
  off-DIALECT-down   downgrade head:base --sql
  on-DIALECT         online: `upgrade +1` until head (stop at the first
                     failure), then `downgrade base`; after each step the
                     exit status, the log lines (successful steps) and the
                     catalog dump (SQLite: not after a failed step, where
                     Alembic leaves what non-transactional DDL did)
"""
import os
import re
import sqlite3
import subprocess

OFF_DIALECTS = ("sqlite", "pg", "mysql")
OFF_URL = {"sqlite": "sqlite:///test.db", "pg": "postgresql://u:p@localhost/db",
           "mysql": "mysql://u@localhost/db"}
LOG_RE = re.compile(r"^(INFO|WARNI|WARNING|ERROR|DEBUG|CRITI|CRITICAL) +\[")


def offline_cases():
    out = []
    for d in OFF_DIALECTS:
        out.append(("off-%s-up" % d, ["-c", "%s.ini" % d, "upgrade", "head", "--sql"]))
        out.append(("off-%s-down" % d, ["-c", "%s.ini" % d, "downgrade", "head:base", "--sql"]))
    return out


def online_dialects(project):
    """Online runs of a project: its own dialect; SQLite projects also on PostgreSQL."""
    kind = project.split("-")[0]
    return ["pg"] if kind.startswith("pg") else ["sqlite", "pg"]


def count_revisions(projdir):
    vdir = os.path.join(projdir, "migrations", "versions")
    return len([f for f in os.listdir(vdir) if f.endswith(".py")])


def write_ini(projdir, name, url):
    """Copy alembic.ini to NAME with sqlalchemy.url replaced."""
    with open(os.path.join(projdir, "alembic.ini"), encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"(?m)^sqlalchemy\.url = .*$", lambda m: "sqlalchemy.url = " + url.replace("%", "%%"), text)
    with open(os.path.join(projdir, name), "w", encoding="utf-8") as f:
        f.write(text)


def normalise(text, projdir):
    return text.replace(os.path.realpath(projdir), "@PROJECT@").replace(projdir, "@PROJECT@")


def log_lines(err):
    return "".join(l + "\n" for l in err.splitlines() if LOG_RE.match(l))


def rc_word(rc, err):
    if rc == 1 and "Traceback (most recent call last)" in err:
        return "crash"
    return str(rc)


# ---------------------------------------------------------------- dumps

def dump_sqlite(path):
    if not os.path.exists(path):
        return "(no database)\n"
    con = sqlite3.connect(path)
    try:
        return _dump_sqlite(con)
    finally:
        con.close()


def _rows(con, sql):
    return con.execute(sql).fetchall()


def _dump_sqlite(con):
    out = ["-- sqlite_master"]
    master = _rows(con, "SELECT type, name, tbl_name, sql FROM sqlite_master "
                        "WHERE name NOT LIKE 'sqlite_%' AND name <> 'alembic_version' "
                        "AND tbl_name <> 'alembic_version' ORDER BY type, name")
    for r in master:
        out.append("%s %s on %s:\n%s" % (r[0], r[1], r[2], r[3]))
    tables = [r[1] for r in master if r[0] == "table"]
    for t in tables:
        q = '"%s"' % t.replace('"', '""')
        out.append("-- table %s" % t)
        for r in _rows(con, "PRAGMA table_xinfo(%s)" % q):
            out.append("col %r" % (tuple(r),))
        for r in sorted(_rows(con, "PRAGMA index_list(%s)" % q), key=lambda r: r[1]):
            cols = [x[2] for x in _rows(con, "PRAGMA index_info(\"%s\")" % r[1].replace('"', '""'))]
            out.append("index %r %r" % (tuple(r[1:]), cols))
        for r in _rows(con, "PRAGMA foreign_key_list(%s)" % q):
            out.append("fk %r" % (tuple(r),))
        rows = sorted(repr(tuple(x)) for x in _rows(con, "SELECT * FROM %s" % q))
        for r in rows[:50]:
            out.append("row %s" % r)
    out.append("-- alembic_version")
    has = _rows(con, "SELECT count(*) FROM sqlite_master WHERE name = 'alembic_version'")[0][0]
    if not has:
        out.append("(no table)")
    else:
        for r in sorted(_rows(con, "SELECT version_num FROM alembic_version")):
            out.append(r[0])
    return "\n".join(out) + "\n"


PG_CATALOG = r"""
\pset footer off
SELECT '-- schemas';
SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema' ORDER BY 1;
SELECT '-- types';
SELECT n.nspname || '.' || t.typname || ' ' || t.typtype::text || ' ' ||
       coalesce((SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid), '')
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
 WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' AND t.typtype IN ('e', 'd', 'c')
   AND (t.typrelid = 0 OR (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')
 ORDER BY 1;
SELECT '-- relations';
SELECT n.nspname || '.' || c.relname || ' ' || c.relkind::text || coalesce(' comment=' || obj_description(c.oid, 'pg_class'), '')
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
   AND c.relname NOT IN ('alembic_version')
 ORDER BY 1;
SELECT '-- columns';
SELECT n.nspname || '.' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
       || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
       || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
       || CASE WHEN a.attidentity <> '' THEN ' IDENTITY ' || a.attidentity::text ELSE '' END
       || CASE WHEN a.attgenerated <> '' THEN ' GENERATED ' || a.attgenerated::text ELSE '' END
       || coalesce(' comment=' || col_description(c.oid, a.attnum), '')
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
 WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' AND c.relkind IN ('r', 'p')
   AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> 'alembic_version'
 ORDER BY n.nspname, c.relname, a.attnum;
SELECT '-- constraints';
SELECT n.nspname || '.' || c.relname || ' ' || k.conname || ' ' || k.contype::text || ' ' || pg_get_constraintdef(k.oid)
  FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' AND c.relname <> 'alembic_version'
 ORDER BY 1;
SELECT '-- indexes';
SELECT pg_get_indexdef(i.indexrelid)
  FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_class ic ON ic.oid = i.indexrelid
 WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' AND c.relname <> 'alembic_version'
 ORDER BY n.nspname, ic.relname;
SELECT '-- tablelist';
SELECT format('%I.%I', n.nspname, c.relname)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' AND c.relkind IN ('r', 'p')
 ORDER BY n.nspname, c.relname;
"""


def psql(url, script):
    p = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-f", "-"],
                       input=script, capture_output=True, text=True, env=dict(os.environ, PGCLIENTENCODING="UTF8"))
    if p.returncode != 0:
        return "(psql failed: %s)\n" % p.stderr.strip().splitlines()[-1:]
    return p.stdout


def dump_pg(url):
    cat = psql(url, PG_CATALOG)
    lines = cat.splitlines()
    try:
        k = lines.index("-- tablelist")
    except ValueError:
        return cat
    tables = lines[k + 1:]
    out = lines[:k]
    script = ["\\pset footer off"]
    for t in tables:
        if t == "public.alembic_version":
            continue
        script.append("SELECT %s;" % quote_lit("-- data " + t))
        script.append("SELECT opconf_row_::text FROM %s opconf_row_ ORDER BY 1 LIMIT 50;" % t)
    script.append("SELECT '-- alembic_version';")
    script.append("SELECT CASE WHEN to_regclass('public.alembic_version') IS NULL THEN '(no table)' END;")
    script.append("SELECT to_regclass('public.alembic_version') IS NOT NULL AS has \\gset")
    script.append("\\if :has")
    script.append("SELECT version_num FROM alembic_version ORDER BY 1;")
    script.append("\\endif")
    data = psql(url, "\n".join(script) + "\n")
    out += data.splitlines()
    return "\n".join(l for l in out if l != "") + "\n"


def quote_lit(s):
    return "'" + s.replace("'", "''") + "'"


def pg_url_db(url, db):
    """The URL with its database name replaced."""
    base, _, _ = url.rpartition("/")
    return base + "/" + db


def pg_admin(url, sql):
    p = subprocess.run(["psql", "-X", "-q", "-d", url, "-c", sql], capture_output=True, text=True)
    return p.returncode == 0


# ---------------------------------------------------------------- online

def online_sequence(run, projdir, dialect, url, dump):
    """Run the online steps with run(argv) -> (rc, out, err) in projdir,
    -c online.ini pointing at url, dump() giving the catalog text."""
    write_ini(projdir, "online.ini", url)
    n = count_revisions(projdir)
    out = []

    def step(argv):
        rc, so, se = run(["-c", "online.ini"] + argv)
        out.append("$ %s" % " ".join(argv))
        if rc == 0:
            out.append("rc 0")
            if so:
                out.append("--- stdout")
                out.append(normalise(so, projdir).rstrip("\n"))
            lg = log_lines(se)
            if lg:
                out.append("--- log")
                out.append(normalise(lg, projdir).rstrip("\n"))
        else:
            out.append("rc fail")
        if rc == 0 or dialect == "pg":
            out.append("--- schema")
            out.append(dump().rstrip("\n"))
        return rc

    for _ in range(n):
        if step(["upgrade", "+1"]) != 0:
            break
    step(["downgrade", "base"])
    return "\n".join(out) + "\n"


def run_online(name, projdir, d, pgurl, run, tag="rec"):
    """One online sequence in a fresh database (shared with check.py)."""
    if d == "sqlite":
        path = os.path.join(projdir, "test.db")
        for p in (path, path + "-journal"):
            if os.path.exists(p):
                os.remove(p)
        try:
            return online_sequence(run, projdir, d, "sqlite:///test.db", lambda: dump_sqlite(path))
        finally:
            if os.path.exists(path):
                os.remove(path)
            os.remove(os.path.join(projdir, "online.ini"))
    db = "opconf_%s_%s_%d" % (tag, re.sub(r"\W", "_", name), os.getpid())
    pg_admin(pgurl, "DROP DATABASE IF EXISTS %s" % db)
    pg_admin(pgurl, "CREATE DATABASE %s" % db)
    url = pg_url_db(pgurl, db)
    try:
        return online_sequence(run, projdir, d, url, lambda: dump_pg(url))
    finally:
        pg_admin(pgurl, "DROP DATABASE IF EXISTS %s" % db)
        os.remove(os.path.join(projdir, "online.ini"))

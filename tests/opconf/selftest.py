#!/usr/bin/env python3
"""selftest.py - the checker can fail: comparisons, divergence rewrites,
xfail/XPASS accounting, SQLite dump and generator determinism (run by
check.sh before the cases; prints "N passed, N failed")."""
import os
import sqlite3
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import check  # noqa: E402
import gen  # noqa: E402
import oplib  # noqa: E402

passed = failed = 0


def ok(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("selftest FAIL: " + what)


def fake(rc, out, err):
    return lambda argv: (rc, out, err)


def offline():
    out = "-- Running upgrade  -> a\n\nCREATE TABLE t (x INTEGER);\n\nDROP TABLE alembic_version;\n\n"
    err = "INFO  [alembic.runtime.migration] Running upgrade  -> a, x\n"
    exp = {"out": out, "err": err, "rc": "0\n"}
    ok(check.check_offline(fake(0, out, err + "noise\n"), "/p", exp, []) is None, "identical output passes")
    ok(check.check_offline(fake(0, out.replace("x I", "y I"), err), "/p", exp, []) is not None,
       "one changed byte of stdout fails")
    ok(check.check_offline(fake(0, out, err.replace("x\n", "y\n")), "/p", exp, []) is not None,
       "a changed log line fails")
    ok(check.check_offline(fake(255, out, err), "/p", exp, []) is not None, "another exit status fails")
    ok(check.check_offline(fake(0, out[:-len("DROP TABLE alembic_version;\n\n")], err), "/p", exp, [])
       == ("div", "no-final-drop"), "no-final-drop is a documented divergence")
    crash = {"out": "", "err": "", "rc": "crash\n"}
    ok(check.check_offline(fake(1, "", "ERROR: x"), "/p", crash, []) is None, "a clean error where Alembic crashed")
    ok(check.check_offline(fake(0, "", ""), "/p", crash, []) is not None, "success where Alembic crashed fails")
    ok(check.check_offline(fake(0, out, "==1==ERROR: AddressSanitizer: x\n"), "/p", exp, []).startswith("SANITIZER"),
       "a sanitizer report fails")


def transcript():
    a = "$ upgrade +1\nrc fail\n$ downgrade base\nrc 0\n--- schema\n-- alembic_version\n"
    b = "$ upgrade +1\nrc fail\n$ downgrade base\nrc 0\n--- schema\n-- alembic_version\n(no table)\n"
    ok(check.no_table_after_failure(a) == check.no_table_after_failure(b), "failed-online-no-table rewrite")
    c = "$ upgrade +1\nrc 0\n--- schema\n-- alembic_version\n"
    ok(check.no_table_after_failure(c) == c, "no rewrite without a failure")


def accounting():
    xf = ["p/off-*", "q/on-pg"]
    ok(check.classify("p/off-pg-up", "off-pg-up", "bad", xf)[0] == "xfail", "listed failure is xfail")
    ok(check.classify("p/off-pg-up", "off-pg-up", None, xf)[0] == "xpass", "listed pass is XPASS")
    ok(check.classify("q/on-sqlite", "on-sqlite", "bad", xf)[0] == "fail", "unlisted failure fails")
    ok(check.classify("p/off-x", "off-x", "SANITIZER: y", xf)[0] == "fail", "sanitizer never xfail")
    ok(check.classify("p/live:off-x", "live:off-x", "bad", xf)[0] == "fail", "live sample never xfail")


def dumps():
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "t.db")
        con = sqlite3.connect(path)
        con.executescript("CREATE TABLE b (id INTEGER PRIMARY KEY, s TEXT DEFAULT 'x', r INTEGER REFERENCES b(id));"
                          "CREATE INDEX ix_b ON b (s); INSERT INTO b VALUES (2, 'q', NULL), (1, 'p', 2);"
                          "CREATE TABLE alembic_version (version_num VARCHAR(32));"
                          "INSERT INTO alembic_version VALUES ('abc');")
        con.commit()
        con.close()
        one = oplib.dump_sqlite(path)
        ok(one == oplib.dump_sqlite(path), "SQLite dump is deterministic")
        for part in ("CREATE INDEX ix_b ON b (s)", "index ('ix_b', 0, 'c', 0) ['s']", "fk (0, 0, 'b', 'r', 'id'",
                     "row (1, 'p', 2)", "-- alembic_version\nabc\n", "col (1, 's', 'TEXT', 0, \"'x'\", 0, 0)"):
            ok(part in one, "SQLite dump holds %r" % part)
        ok("CREATE TABLE alembic_version" not in one, "version table left out of the schema part")
        ok(oplib.dump_sqlite(os.path.join(d, "none.db")) == "(no database)\n", "no database file")


def generator():
    for name in ("sqlite-sa-1", "pgms-sm-2"):
        a, b = gen.project_steps(name), gen.project_steps(name)
        ok(a == b, "%s: the same steps twice" % name)
    ok(gen.project_steps("pg-sa-1") != gen.project_steps("pg-sa-2"), "projects differ")
    # the checked-in projects are what gen.py generates (else: re-record)
    for name in sorted(os.listdir(os.path.join(HERE, "expected"))):
        proj = os.path.join(HERE, "projects", name)
        steps = gen.project_steps(name)
        models = [s for s in steps if s["kind"] == "models"][-1]["models"]
        ok(check.read(os.path.join(proj, "models.py")) == models, "%s: models.py is gen.py's last version" % name)
        for s in steps:
            if s["kind"] == "hand":
                f = os.path.join(proj, "migrations", "versions", "%s_%s.py" % (s["rev"], s["msg"].replace(" ", "_")))
                ok(check.read(f) == s["source"], "%s: %s is gen.py's revision" % (name, os.path.basename(f)))


offline()
transcript()
accounting()
dumps()
generator()
print("opconf selftest: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)

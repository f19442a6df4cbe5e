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


def refused():
    """offline-refused-up-front: ours refuses before printing, and its script
    up to the revision before the failing one is Alembic's."""
    fail = "FAILED: batch mode needs a live database\n"
    a_sql = "-- Running upgrade  -> a\n\nCREATE TABLE t (x INTEGER);\n\n"
    b_sql = "-- Running upgrade a -> b\n\nCREATE INDEX i ON t (x);\n\n"
    run_a = "INFO  [alembic.runtime.migration] Running upgrade  -> a, x\n"
    run_b = "INFO  [alembic.runtime.migration] Running upgrade a -> b, y\n"
    err = "ERROR [alembic.util.messaging] batch mode needs a live database\n"
    exp = {"out": "BEGIN;\n\n" + a_sql + b_sql + fail, "err": run_a + run_b + err, "rc": "255\n"}
    argv = ["-c", "pg.ini", "upgrade", "head", "--sql"]

    def ours(part_out, part_rc=0, full_out="BEGIN;\n\n" + fail, full_err=err, part_err=run_a):
        def run(av):
            if av == argv:
                return 255, full_out, full_err
            ok(av == ["-c", "pg.ini", "upgrade", "a", "--sql"], "the partial run stops at the revision before")
            return part_rc, part_out, part_err
        return run
    good = "BEGIN;\n\n" + a_sql + "COMMIT;\n\n"
    ok(check.check_offline(ours(good), "/p", exp, argv) == ("div", "offline-refused-up-front"),
       "offline-refused-up-front is a documented divergence")
    ok(check.check_offline(ours(good.replace("x I", "y I")), "/p", exp, argv) not in (None, ("div", "offline-refused-up-front")),
       "a changed byte before the failing revision fails")
    ok(isinstance(check.check_offline(ours(good, part_rc=1), "/p", exp, argv), str), "a failing partial run fails")
    ok(isinstance(check.check_offline(ours(good, part_err=""), "/p", exp, argv), str), "a missing log line of the partial run fails")
    ok(isinstance(check.check_offline(ours(good, full_out="BEGIN;\n\nFAILED: other\n"), "/p", exp, argv), str),
       "another FAILED message fails")
    ok(isinstance(check.check_offline(ours(good, full_out="BEGIN;\n\nCREATE TABLE u (x INTEGER);\n\n" + fail), "/p", exp, argv), str),
       "statements Alembic did not print fail")
    ok(isinstance(check.check_offline(ours(good, full_err=run_a + err), "/p", exp, argv), str),
       "a Running line of the full run fails (nothing ran)")
    ok(isinstance(check.check_offline(ours(good), "/p", dict(exp, out=exp["out"].replace(fail, "")), argv), str),
       "no rule without Alembic's FAILED line")


def rebuilt():
    """offline-rebuilt-from-history: ours prints the whole script; Alembic's
    part byte for byte, and the script leaves the online schema."""
    fail = "FAILED: This operation cannot proceed in --sql mode; %s with which to reflect the table \"t\".\n" % check.SQLITE_REBUILD
    pre = "CREATE TABLE t (x INTEGER);\n\n"
    full = pre + "CREATE TABLE u (\n    y INTEGER, \n    CONSTRAINT a UNIQUE (y), \n    CONSTRAINT b CHECK (y > 0)\n);\n\n"
    run_a = "INFO  [alembic.runtime.migration] Running upgrade  -> a, x\n"
    head = check.apply_sqlite([full.replace("    ", "\t").replace("\ta UNIQUE (y), \n\tCONSTRAINT b CHECK (y > 0)",
                                                                "\tb CHECK (y > 0), \n\tCONSTRAINT a UNIQUE (y)")])
    online = "$ upgrade +1\nrc 0\n--- schema\n" + head + "\n$ downgrade base\nrc fail\n"
    exp = {"out": pre + fail, "err": run_a + "ERROR [alembic.util.messaging] x\n", "rc": "255\n"}
    argv = ["-c", "sqlite.ini", "upgrade", "head", "--sql"]
    div = ("div", "offline-rebuilt-from-history")
    ok(check.check_offline(fake(0, full, run_a), "/p", exp, argv, online) == div,
       "offline-rebuilt-from-history is a documented divergence (tabs, constraint order)")
    ok(isinstance(check.check_offline(fake(0, full.replace("y > 0", "y > 1"), run_a), "/p", exp, argv, online), str),
       "a script leaving another schema fails")
    ok(isinstance(check.check_offline(fake(0, full.replace("x INT", "z INT"), run_a), "/p", exp, argv, online), str),
       "a changed byte of what Alembic printed fails")
    ok(isinstance(check.check_offline(fake(0, full, ""), "/p", exp, argv, online), str), "a missing log line fails")
    ok(isinstance(check.check_offline(fake(0, full, run_a), "/p", exp, argv, online.replace("rc 0", "rc fail")), str),
       "no online schema to compare with fails")
    ok(check.check_offline(fake(1, "", "ERROR: r.py:3: downgrade() raises NotImplementedError('x')\n"), "/p", exp, argv,
                           online) == div, "an irreversible revision after the rebuild: ours refuses it")
    ok(isinstance(check.check_offline(fake(1, "", "ERROR: r.py:3: other\n"), "/p", exp, argv, online), str),
       "another error fails")


def transcript():
    a = "$ upgrade +1\nrc fail\n$ downgrade base\nrc 0\n--- schema\n-- alembic_version\n"
    b = "$ upgrade +1\nrc fail\n$ downgrade base\nrc 0\n--- schema\n-- alembic_version\n(no table)\n"
    ok(check.no_table_after_failure(a) == check.no_table_after_failure(b), "failed-online-no-table rewrite")
    t1 = ("table o on o:\nCREATE TABLE o (\n\tid INTEGER, \n\tPRIMARY KEY (id), \n\tCONSTRAINT fa FOREIGN KEY(a) REFERENCES a (id), "
          "\n\tCONSTRAINT fb FOREIGN KEY(b) REFERENCES b (id)\n)\nfk (0, 0, 'b', 'b', 'id')\nfk (1, 0, 'a', 'a', 'id')\n")
    t2 = ("table o on o:\nCREATE TABLE o (\n\tid INTEGER, \n\tPRIMARY KEY (id), \n\tCONSTRAINT fb FOREIGN KEY(b) REFERENCES b (id), "
          "\n\tCONSTRAINT fa FOREIGN KEY(a) REFERENCES a (id)\n)\nfk (0, 0, 'a', 'a', 'id')\nfk (1, 0, 'b', 'b', 'id')\n")
    ok(t1 != t2 and check.constraint_order(t1) == check.constraint_order(t2), "rebuilt-constraint-order rewrite")
    ok(check.constraint_order(t1) != check.constraint_order(t2.replace("REFERENCES a (id)\n", "REFERENCES a (x)\n")),
       "rebuilt-constraint-order keeps a changed constraint")
    ok(check.constraint_order(t1) != check.constraint_order(t2.replace("fk (1, 0, 'b'", "fk (1, 0, 'c'")),
       "rebuilt-constraint-order keeps a changed foreign key row")
    ok(check.constraint_order(t1) != check.constraint_order(t1.replace("\tid INTEGER, \n\tPRIMARY", "\tPRIMARY")),
       "rebuilt-constraint-order keeps the columns")
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
refused()
rebuilt()
transcript()
accounting()
dumps()
generator()
print("opconf selftest: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)

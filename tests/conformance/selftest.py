#!/usr/bin/python3
"""selftest.py - tests of the conformance machinery itself (no executable
needed): the set-order normalisation the recorder applies, the divergence
rewrites the checker applies, and the generator's determinism.
Ends with "conformance-lib: N passed, N failed"."""
import os
import sys
import tempfile

import check
import conflib

PASS = FAIL = 0


def eq(got, want, what):
    global PASS, FAIL
    if got == want:
        PASS += 1
    else:
        FAIL += 1
        print("FAIL: %s\n  got:  %r\n  want: %r" % (what, got, want))


def test_lines():
    n = conflib.norm_line
    eq(n("Branches into: cccc, bbbb, aaaa"), "Branches into: aaaa, bbbb, cccc", "Branches into")
    eq(n("Branch names: zz, core"), "Branch names: core, zz", "Branch names")
    eq(n("m1 (zz, core) (head)"), "m1 (core, zz) (head)", "heads label group")
    eq(n("a, b -> m1 (zz, core) (mergepoint), doc (x, y)"),
       "a, b -> m1 (core, zz) (mergepoint), doc (x, y)", "history label group, doc untouched")
    eq(n("a1 (netlib, core) -> a3 (zz, core), d"), "a1 (netlib, core) -> a3 (core, zz), d",
       "dependency group kept in file order")
    eq(n("a1 (netlib) -> a3 (core), d"), "a1 (netlib) -> a3 (core), d", "single label untouched")
    eq(n("Rev: a (head)"), "Rev: a (head)", "verbose line untouched")


def test_branches():
    text = "r (branchpoint)\n  -> c2 (head)\n  -> c1, multi\nline doc\n\nq\n   -> z\n   -> y\n"
    want = "r (branchpoint)\n  -> c1, multi\nline doc\n  -> c2 (head)\n\nq\n   -> y\n   -> z\n"
    eq(conflib.normalise(["branches"], text), want, "branches child entries sorted")
    eq(conflib.normalise(["current"], "b (head)\na\n"), "a\nb (head)\n", "current lines sorted")
    blocks = "Rev: b\nPath: x\n\n    d\n\nRev: a (head)\nPath: y\n\n    e\n\n"
    eq(conflib.normalise(["show", "current"], blocks),
       "Rev: a (head)\nPath: y\n\n    e\n\nRev: b\nPath: x\n\n    d\n\n", "show current blocks")


D = "DELETE FROM alembic_version WHERE alembic_version.version_num = '%s';"
U = "UPDATE alembic_version SET version_num='%s' WHERE alembic_version.version_num = '%s';"
I = "INSERT INTO alembic_version (version_num) VALUES ('%s');"


def sql(*stmts):
    return "".join(s + "\n\n" for s in stmts)


def test_sql():
    # merge with another head z present: {n1, a2} re-emitted sorted
    text = sql(D % "n1", U % ("m", "a2"))
    got = conflib.norm_sql("-- Running upgrade a2, n1 -> m\n\n" + text, "")
    eq(got, "-- Running upgrade a2, n1 -> m\n\n" + text, "merge, unknown heads: untouched")
    pre = sql(I % "z", I % "n1", I % "a2")
    got = conflib.norm_sql("-- Running upgrade  -> z\n\n" + pre +
                           "-- Running upgrade a2, n1 -> m\n\n" + text, "")
    want = "-- Running upgrade  -> z\n\n" + pre + "-- Running upgrade a2, n1 -> m\n\n" + \
        sql(D % "a2", U % ("m", "n1"))
    eq(got, want, "merge with other heads: sorted")
    # merge without other heads: file order kept even when unsorted
    pre = sql(I % "n1", I % "a2")
    body = "-- Running upgrade n1, a2 -> m\n\n" + sql(D % "n1", U % ("m", "a2"))
    got = conflib.norm_sql("-- Running upgrade  -> x\n\n" + pre + body, "")
    eq(got, "-- Running upgrade  -> x\n\n" + pre + body, "merge without other heads: kept")
    # unmerge with another head: T sorted
    body = "-- Running downgrade m -> c, b\n\n" + sql(I % "c", U % ("b", "m"))
    got = conflib.norm_sql(body, "")
    eq(got, body, "unmerge with heads {m}? start unknown: kept")
    pre = "-- Running upgrade  -> q\n\n" + sql(I % "q")
    got = conflib.norm_sql(pre + body, "m")
    eq(got, pre + "-- Running downgrade m -> c, b\n\n" + sql(I % "b", U % ("c", "m")),
       "unmerge with other heads: sorted")
    eq(conflib.sql_start(["-c", "pg.ini", "upgrade", "a:b", "--sql"], "upgrade"), "a", "start A")
    eq(conflib.sql_start(["downgrade", "base:b", "--sql"], "downgrade"), "", "start base")
    eq(conflib.sql_start(["upgrade", "head", "--sql"], "upgrade"), "", "no start")


def test_divergences():
    eq(check.drop_final_drop("X;\n\nDROP TABLE alembic_version;\n\n"), "X;\n\n", "final drop")
    eq(check.drop_final_drop("BEGIN;\n\nDROP TABLE alembic_version;\n\nCOMMIT;\n\n"),
       "BEGIN;\n\nCOMMIT;\n\n", "final drop before COMMIT")
    eq(check.drop_final_drop("DROP TABLE alembic_version;\n\nX;\n\n"),
       "DROP TABLE alembic_version;\n\nX;\n\n", "only a final drop")
    steps = [
        {"step": "upgrade nosuch", "rc": 255, "out": "", "rows": [], "tables": ["alembic_version"]},
        {"step": "current", "rc": 0, "out": "", "rows": [], "tables": ["alembic_version"]},
        {"step": "upgrade head", "rc": 0, "out": "", "rows": ["a"], "tables": ["alembic_version"]},
        {"step": "upgrade nosuch", "rc": 255, "out": "", "rows": ["a"], "tables": ["alembic_version"]},
    ]
    got = [s["tables"] for s in check.ghost_version_table(steps)]
    eq(got, [[], [], ["alembic_version"], ["alembic_version"]], "ghost version table")


def test_generator():
    with tempfile.TemporaryDirectory() as d:
        a = conflib.gen("g04", os.path.join(d, "a"))
        b = conflib.gen("g04", os.path.join(d, "b"))
        eq(conflib.tree_digest(a), conflib.tree_digest(b), "generator deterministic")
        want = conflib.read(os.path.join(conflib.EXPECTED, "g04", "PROJECT.sha256"), "").strip()
        eq(conflib.tree_digest(a), want, "generator matches the recording")
        vers = sorted(os.listdir(os.path.join(a, "other_versions")))
        eq(bool(vers), True, "second version location populated")
    cmds = conflib.gen_commands("p4")
    eq(len(cmds), len(set(cmds)), "commands unique")
    eq("show core@head" in cmds and "-c pg.ini upgrade heads --sql" in cmds, True,
       "placeholders and pg twins expanded")


def test_runner():
    with tempfile.TemporaryDirectory() as d:
        fake = os.path.join(d, "fake")
        with open(fake, "w") as f:
            f.write("#!/bin/sh\necho \"$PWD/out\"\necho 'x.c:1: runtime error: overflow' >&2\nexit 1\n")
        os.chmod(fake, 0o755)
        rc, out, _ = check.run_ours(fake, os.path.realpath(d), ["heads"])
        eq(rc, -998, "sanitizer report is a failure")
        eq(out, "@PROJECT@/out\n", "project path placeholder")
        eq(check.rc_matches("crash", rc), False, "sanitizer report never matches a crash")
        eq(check.rc_matches("crash", 255), True, "clean error matches a crash")


def main():
    for t in (test_lines, test_branches, test_sql, test_divergences, test_generator, test_runner):
        t()
    print("conformance-lib: %d passed, %d failed" % (PASS, FAIL))
    return 1 if FAIL else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""check.py - compare our executable with the recordings of record.py
(run by check.sh; standard library + the sqlite3 module + psql, never
Python Alembic except for the optional live sample).

  check.py [-v] [PROJECT...]

Every recorded case (oplib.py) is run on a copy of its project:
  offline  exit status ("crash" = Alembic's traceback: any non-zero status
           passes), stdout and the log lines of stderr, byte for byte;
  online   the step transcript (exit status, log lines of successful steps,
           catalog dumps); on PostgreSQL only when ALEMBIC_TEST_PG_URL is
           set, each run in a database of its own, created and dropped.
xfail.txt lists expected failures (`PROJECT/CASE reason`, fnmatch patterns
allowed): such a case that fails is "xfail", one that passes is "XPASS" and
counts as a failure, so the list only shrinks.  With Python Alembic 1.8.1
installed (and OPCONF_LIVE not 0) a few cases are also re-run under it and
compared with the recording, to catch recording drift.
Prints one line per failing case and ends with "N passed, N failed".
"""
import concurrent.futures
import difflib
import fnmatch
import importlib.util
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import oplib  # noqa: E402

# the live sample: a handful of cases re-run under Python Alembic when it is installed
LIVE = [("sqlite-sa-1", "off-sqlite-up"), ("pg-sa-1", "off-pg-up"), ("pgms-sm-1", "off-pg-down"),
        ("batch-sa-1", "off-mysql-down"), ("sqlite-sm-1", "on-sqlite")]
PY = ["/usr/bin/python3", "-m", "alembic"]
SANITIZER = re.compile(r"ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error: ")
STRICT = os.environ.get("CONFORMANCE_STRICT") == "1"


def _conformance_check():
    """tests/conformance/check.py, for its documented-divergence rewrites (one copy)."""
    d = os.path.join(HERE, "..", "conformance")
    sys.path.insert(0, d)
    spec = importlib.util.spec_from_file_location("conformance_check", os.path.join(d, "check.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


CONF = _conformance_check()


def no_table_after_failure(text):
    """failed-online-no-table (src/run/run.h): after a failed step Alembic
    leaves an empty alembic_version that ours never created; an empty version
    table reads as "(no table)" in the transcript of a run with a failure."""
    if "\nrc fail\n" not in text:
        return text
    return re.sub(r"(?m)^-- alembic_version\n(?=\$ |\Z)", "-- alembic_version\n(no table)\n", text)


CONSTRAINT_LINE = re.compile(r"^(\t|    )(CONSTRAINT |FOREIGN KEY|UNIQUE |CHECK )")
FK_LINE = re.compile(r"^fk \((\d+), ")


def _sorted_runs(lines, pick, key=lambda l: l):
    """lines with each run of consecutive lines that pick matches sorted."""
    out, run = [], []
    for l in lines + [None]:
        if l is not None and pick(l):
            run.append(key(l))
            continue
        out += sorted(run)
        run = []
        if l is not None:
            out.append(l)
    return out


def constraint_order(text):
    """rebuilt-constraint-order (docs/DESIGN.md, src/sql/batch.c): the
    table-level constraints of a table Alembic rebuilt come in the order of
    a Python set (Table.constraints as reflected), ours in reflection order.
    The rewrite sorts each run of constraint lines of a CREATE TABLE (their
    ", " separators dropped) and each table's PRAGMA foreign_key_list rows
    (their id, which follows the order, dropped); nothing else changes."""
    lines = [l[:-2] if l.startswith(("\t", "    ")) and l.endswith(", ") else l for l in text.split("\n")]
    lines = _sorted_runs(lines, CONSTRAINT_LINE.match)
    return "\n".join(_sorted_runs(lines, FK_LINE.match, lambda l: FK_LINE.sub("fk (?, ", l)))


def read(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        return None


def load_xfail():
    out = []
    text = read(os.path.join(HERE, "xfail.txt")) or ""
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line.split(None, 1)[0])
    return out


def short_diff(exp, got):
    """Where the texts first differ: line number, then at most 3 recorded (-)
    and 3 produced (+) lines of the diff."""
    d = list(difflib.unified_diff(exp.splitlines(), got.splitlines(), "recorded", "ours", n=0, lineterm=""))
    at = next((l.split()[1] for l in d if l.startswith("@@")), "?")
    minus = [l for l in d[2:] if l.startswith("-")][:3]
    plus = [l for l in d[2:] if l.startswith("+")][:3]
    return "line %s: " % at.lstrip("-").split(",")[0] + " | ".join(x[:160] for x in minus + plus)


def runner(cmd, cwd, env):
    def run(argv):
        try:
            p = subprocess.run(cmd + argv, cwd=cwd, env=env, capture_output=True, timeout=120)
        except subprocess.TimeoutExpired:
            return 124, "", "timeout"
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    return run


RUNNING = re.compile(r"^INFO  \[alembic\.runtime\.migration\] Running (upgrade|downgrade) (\w*) -> (\w*)")


def _trim_partial(out):
    """The offline script of a run that stops before the failing revision,
    as a prefix of a script that goes on: without its closing COMMIT."""
    return out[:-len("COMMIT;\n\n")] if out.endswith("COMMIT;\n\n") else out


def refused_up_front(run, projdir, exp, argv, got):
    """offline-refused-up-front (docs/DESIGN.md, src/run): where Alembic
    stops half-way with FAILED (exit 255: an offline batch rebuild it cannot
    reflect), ours refuses before printing any of the script.  Holds when
    ours exits 255 with Alembic's FAILED line and error log line, printing
    nothing of Alembic's script but what precedes its first statement, and
    when ours, run only up to the revision before the failing one, prints
    exactly Alembic's script up to that revision (and its log lines).
    None when it holds, else a reason."""
    rc, so, se = got
    out = exp["out"]
    fail = out.splitlines(True)[-1] if out else ""
    if exp["rc"].strip() != "255" or not fail.startswith("FAILED: ") or rc != 255:
        return "not a refusal"
    if not so.endswith(fail) or not out.startswith(so[:-len(fail)]):
        return "stdout: " + short_diff(out, so)
    elog = exp["err"].splitlines(True)
    if oplib.normalise(oplib.log_lines(se), projdir) != "".join(l for l in elog if not RUNNING.match(l)):
        return "log: " + short_diff(exp["err"], oplib.normalise(oplib.log_lines(se), projdir))
    steps = [i for i, l in enumerate(elog) if RUNNING.match(l)]
    if len(steps) < 2:
        return None  # the first revision fails: nothing of Alembic's script before it
    last = RUNNING.match(elog[steps[-1]])
    target = last.group(2) if last.group(1) == "upgrade" else "head:" + last.group(2)
    part = [target if a in ("head", "head:base") else a for a in argv]
    prc, pso, pse = run(part)
    pso, plog = oplib.normalise(pso, projdir), oplib.normalise(oplib.log_lines(pse), projdir)
    if prc != 0:
        return "%s: exit %d" % (" ".join(part), prc)
    if not out.startswith(_trim_partial(pso)):
        return "%s: stdout: %s" % (" ".join(part), short_diff(out[:len(pso)], pso))
    want = "".join(elog[:steps[-1]])
    if plog != want:
        return "%s: log: %s" % (" ".join(part), short_diff(want, plog))
    return None


SQLITE_REBUILD = "batch mode with dialect sqlite requires a live database connection"


def online_dumps(transcript):
    """The schema dumps of an online transcript (oplib.online_sequence):
    (after the last successful `upgrade +1`, after a successful `downgrade
    base`), each None when there is none."""
    head = base = None
    for chunk in ("\n" + (transcript or "")).split("\n$ ")[1:]:
        cmd, _, rest = chunk.partition("\n")
        ok = rest.startswith("rc 0\n")
        schema = rest.split("--- schema\n", 1)[1].rstrip("\n") if "--- schema\n" in rest else None
        if cmd == "upgrade +1" and ok:
            head = schema
        elif cmd == "downgrade base" and ok:
            base = schema
    return head, base


def untab(text):
    """Alembic's offline output turns every tab into 4 spaces (impl.py
    _exec as_sql), string literals included: a dump of what an offline
    script made has spaces where the online run has tabs (in the CREATE
    text, and as repr's \\t in rows)."""
    return text.replace("\t", "    ").replace("\\t", "    ")


def apply_sqlite(scripts):
    """The dump of a fresh SQLite database after the offline scripts, in order."""
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "t.db")
        con = sqlite3.connect(path)
        try:
            for s in scripts:
                con.executescript(s)
            con.commit()
        except sqlite3.Error as ex:
            return "sqlite3 error: %s" % ex
        finally:
            con.close()
        return oplib.dump_sqlite(path).rstrip("\n")


def rebuilt_from_history(run, projdir, exp, argv, got, online):
    """offline-rebuilt-from-history (docs/DESIGN.md, src/run): Alembic 1.8.1
    stops at an offline SQLite batch rebuild (no copy_from: FAILED, 255);
    ours knows the table from the revisions before it and prints the whole
    script.  Holds when ours exits 0, its stdout starts with everything
    Alembic printed before its FAILED line and its log with Alembic's log
    lines before the ERROR line, and the script applied to a fresh SQLite
    database leaves the schema, rows and version rows Alembic left online
    (after `upgrade +1` to head; for a downgrade, our `upgrade head --sql`
    then the downgrade's script against the online `downgrade base`),
    constraint order as rebuilt-constraint-order compares it.  Where the
    run then reaches a `raise NotImplementedError` downgrade, ours refuses
    it before printing (exit 1), as everywhere.  None when it holds."""
    rc, so, se = got
    out = exp["out"]
    fail = out.splitlines(True)[-1] if out else ""
    if not fail.startswith("FAILED: ") or SQLITE_REBUILD not in fail:
        return "not an offline SQLite rebuild"
    prefix, elog = out[:-len(fail)], [l for l in exp["err"].splitlines(True) if not l.startswith("ERROR [")]
    lg = oplib.normalise(oplib.log_lines(se), projdir)
    if rc == 1 and "NotImplementedError" in se and "Running" not in lg and prefix.startswith(so):
        return None
    if rc != 0:
        return "exit %d: %s" % (rc, (se.strip().splitlines() or [""])[-1][:200])
    if not so.startswith(prefix):
        return "stdout: " + short_diff(prefix, so[:len(prefix)])
    if not lg.startswith("".join(elog)):
        return "log: " + short_diff("".join(elog), lg[:len("".join(elog))])
    head, base = online_dumps(online)
    scripts, want = [so], head
    if "downgrade" in argv:
        urc, uso, _ = run(argv[:2] + ["upgrade", "head", "--sql"])
        if urc != 0:
            return "upgrade head --sql: exit %d" % urc
        scripts, want = [oplib.normalise(uso, projdir), so], base
    if want is None:
        return "no online dump to compare with"
    have = apply_sqlite(scripts)
    if constraint_order(untab(have)) != constraint_order(untab(want)):
        return "schema after the script: " + short_diff(want, have)
    return None


def check_offline(run, projdir, exp, argv, online=None):
    """None when the case matches, else a short reason; ("div", RULE) when it
    matches only under a documented divergence."""
    rc, so, se = run(argv)
    if SANITIZER.search(se):
        return "SANITIZER: " + next(l for l in se.splitlines() if SANITIZER.search(l))[:200]
    want_rc = exp["rc"].strip()
    if want_rc == "crash":
        return None if rc != 0 else "exit 0, Alembic crashed (a clean error is required)"
    if want_rc == "255" and rc != 255 and not STRICT and SQLITE_REBUILD in exp["out"]:
        why = rebuilt_from_history(run, projdir, exp, argv, (rc, oplib.normalise(so, projdir), se), online)
        return ("div", "offline-rebuilt-from-history") if why is None else "rebuilt from history, but " + why
    if str(rc) != want_rc:
        return "exit %d, recorded %s%s" % (rc, want_rc, (": " + (se or so).strip().splitlines()[-1][:200]) if (se or so).strip() else "")
    so = oplib.normalise(so, projdir)
    div = None
    if so != exp["out"] and want_rc == "255" and not STRICT:
        why = refused_up_front(run, projdir, exp, argv, (rc, so, se))
        return ("div", "offline-refused-up-front") if why is None else "refused up front, but " + why
    if so != exp["out"]:
        if STRICT or CONF.drop_final_drop(exp["out"]) != so:
            return "stdout: " + short_diff(exp["out"], so)
        div = ("div", "no-final-drop")
    lg = oplib.normalise(oplib.log_lines(se), projdir)
    if lg != exp["err"]:
        return "log: " + short_diff(exp["err"], lg)
    return div


def check_project(name, binary, pgurl, live):
    """Returns a list of (case, error or None or 'skip')."""
    results = []
    expdir = os.path.join(HERE, "expected", name)
    tmp = tempfile.mkdtemp(prefix="opconf-")
    projdir = os.path.join(tmp, name)
    shutil.copytree(os.path.join(HERE, "projects", name), projdir)
    env = dict(os.environ, LC_ALL="C.UTF-8", PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0")
    ours = runner([binary], projdir, env)
    theirs = runner(PY, projdir, env)
    try:
        for case, argv in oplib.offline_cases():
            exp = {k: read(os.path.join(expdir, "%s.%s" % (case, k))) for k in ("out", "err", "rc")}
            if exp["rc"] is None:
                continue
            results.append((case, check_offline(ours, projdir, exp, argv,
                                                read(os.path.join(expdir, "on-sqlite.txt")))))
            if live and (name, case) in LIVE:
                results.append(("live:" + case, check_offline(theirs, projdir, exp, argv)))
        for d in oplib.online_dialects(name):
            case = "on-" + d
            exp = read(os.path.join(expdir, case + ".txt"))
            if exp is None:
                continue
            if d == "pg" and not pgurl:
                results.append((case, "skip"))
                continue
            san = []

            def ours_checked(argv):
                rc, so, se = ours(argv)
                san.extend(l for l in se.splitlines() if SANITIZER.search(l))
                return rc, so, se
            got = oplib.run_online(name, projdir, d, pgurl, ours_checked, "chk")
            if san:
                results.append((case, "SANITIZER: " + san[0][:200]))
            elif got == exp:
                results.append((case, None))
            elif not STRICT and no_table_after_failure(exp) == no_table_after_failure(got):
                results.append((case, ("div", "failed-online-no-table")))
            elif not STRICT and d == "sqlite" and constraint_order(exp) == constraint_order(got):
                results.append((case, ("div", "rebuilt-constraint-order")))
            else:
                results.append((case, short_diff(exp, got)))
            if live and (name, case) in LIVE:
                got = oplib.run_online(name, projdir, d, pgurl, theirs, "live")
                results.append(("live:" + case, None if got == exp else short_diff(exp, got)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return [(case, oplib.normalise(err, projdir) if isinstance(err, str) else err) for case, err in results]


def classify(cid, case, err, xfail, verbose=False):
    """(count key, line to print or None) of one case result; err is None
    (passed), "skip" or the reason it failed.  Sanitizer reports and the live
    sample are never expected failures."""
    xf = not case.startswith("live:") and any(fnmatch.fnmatchcase(cid, p) for p in xfail)
    if err == "skip":
        return "skip", None
    if err is None:
        if xf:
            return "xpass", "XPASS %s (listed in xfail.txt: remove it)" % cid
        return "pass", None
    if xf and not err.startswith("SANITIZER"):
        return "xfail", ("xfail %s: %s" % (cid, err)) if verbose else None
    return "fail", "FAIL %s: %s" % (cid, err)


XFAIL_HEAD = """\
# Expected failures of tests/opconf/check.sh: PROJECT/CASE, then why (the
# first difference when the list was written with --write-xfail).  A listed
# case that passes is reported as XPASS and fails the run: remove its line.
"""


def main(argv):
    verbose = "-v" in argv
    write_xfail = "--write-xfail" in argv
    names = [a for a in argv[1:] if a not in ("-v", "--write-xfail")]
    binary = os.path.abspath(os.environ.get("ALEMBIC_BIN", "build/alembic"))
    if not os.access(binary, os.X_OK):
        print("opconf: no executable %s" % binary)
        print("0 passed, 1 failed")
        return 1
    pgurl = os.environ.get("ALEMBIC_TEST_PG_URL")
    live = os.environ.get("OPCONF_LIVE", "1") != "0" and subprocess.run(
        ["/usr/bin/python3", "-c", "import alembic, sqlmodel"], capture_output=True).returncode == 0 \
        if os.path.exists("/usr/bin/python3") else False
    allp = sorted(os.listdir(os.path.join(HERE, "expected")))
    names = [n for n in allp if not names or n in names]
    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=int(os.environ.get("OPCONF_JOBS", "4"))) as ex:
        futs = {n: ex.submit(check_project, n, binary, pgurl, live) for n in names}
        for n in names:
            results += [("%s/%s" % (n, case), case, err) for case, err in futs[n].result()]
    divs = {}
    for i, (cid, case, err) in enumerate(results):
        if isinstance(err, tuple):
            divs[err[1]] = divs.get(err[1], 0) + 1
            results[i] = (cid, case, None)
    if write_xfail:
        failing = ["%s %s" % (cid, " ".join(err.split())[:150]) for cid, case, err in results
                   if err not in (None, "skip") and not case.startswith("live:")
                   and not err.startswith("SANITIZER")]
        with open(os.path.join(HERE, "xfail.txt"), "w", encoding="utf-8") as f:
            f.write(XFAIL_HEAD + "".join(l + "\n" for l in failing))
        print("opconf: wrote xfail.txt (%d cases)" % len(failing))
    xfail = load_xfail()
    counts = {"pass": 0, "fail": 0, "xfail": 0, "xpass": 0, "skip": 0}
    lines = []
    for cid, case, err in results:
        kind, line = classify(cid, case, err, xfail, verbose)
        counts[kind] += 1
        if line:
            lines.append(line)
    for l in lines:
        print(l)
    print("opconf: %d projects, %d xfail, %d XPASS, %d skipped (no PostgreSQL)%s" % (
        len(names), counts["xfail"], counts["xpass"], counts["skip"], "" if live else ", no live sample"))
    for rule in sorted(divs):
        print("opconf: accepted under documented divergence %s: %d cases" % (rule, divs[rule]))
    failed = counts["fail"] + counts["xpass"]
    print("%d passed, %d failed" % (counts["pass"], failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

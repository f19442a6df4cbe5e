"""conflib.py - what record.py and check.py share: project trees, case files,
online sequences and the normalisation of Alembic's Python-set orders.

Case files in expected/<project>/:
  PROJECT.sha256   digest of the generated project tree (the checker refuses
                   to compare against a drifted generator)
  NNN.cmd          the command line (or "online: step ; step ...")
  NNN.out          stdout with the project directory replaced by @PROJECT@
                   (online sequences: a JSON list of steps)
  NNN.rc           exit status, or "crash" for a Python traceback (rc 1):
                   only a non-zero status is then required, stdout is ignored
  NNN.err          stderr, recorded for --sql commands that exited 0 or 255
                   without a Python warning
"""

import hashlib
import json
import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = os.path.join(HERE, "expected")
GEN = os.path.join(HERE, "gen_project.py")
PLACEHOLDER = "@PROJECT@"


def gen(name, top):
    """Generate project NAME into TOP (removed first); returns TOP's real path."""
    if os.path.exists(top):
        shutil.rmtree(top)
    subprocess.run([sys.executable, GEN, "gen", name, top], check=True)
    return os.path.realpath(top)


def gen_commands(name):
    out = subprocess.run([sys.executable, GEN, "commands", name], check=True,
                         stdout=subprocess.PIPE).stdout.decode("utf-8")
    return [l for l in out.split("\n") if l]


def project_names():
    out = subprocess.run([sys.executable, GEN, "list"], check=True,
                         stdout=subprocess.PIPE).stdout.decode("utf-8")
    return out.split()


def tree_digest(top):
    """sha256 over every file of the tree (sorted relative paths and contents)."""
    h = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames.sort()
        if os.path.basename(dirpath) == "__pycache__":
            continue
        for fn in sorted(filenames):
            if fn == "test.db":
                continue
            p = os.path.join(dirpath, fn)
            h.update(os.path.relpath(p, top).encode("utf-8") + b"\0")
            with open(p, "rb") as f:
                h.update(f.read() + b"\0")
    return h.hexdigest()


def verb(argv):
    """The subcommand of an alembic argument list (after -c/-n/-x options)."""
    i = 0
    while i < len(argv):
        if argv[i] in ("-c", "--config", "-n", "--name", "-x"):
            i += 2
        elif argv[i].startswith("-"):
            i += 1
        else:
            return argv[i]
    return ""


def writes_files(argv):
    """revision/merge may write into versions/: such cases run in a copy."""
    return verb(argv) in ("revision", "merge")


def copy_project(top):
    rw = top + "-rw"
    if os.path.exists(rw):
        shutil.rmtree(rw)
    shutil.copytree(top, rw)
    return rw


def is_sql(cmd):
    return "--sql" in shlex.split(cmd)


def placeholder(text, top):
    return text.replace(top, PLACEHOLDER)


def db_state(top):
    """(sorted version rows, sorted table names) of TOP/test.db."""
    path = os.path.join(top, "test.db")
    if not os.path.exists(path):
        return [], []
    con = sqlite3.connect(path)
    try:
        tables = sorted(r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"))
        rows = []
        if "alembic_version" in tables:
            rows = sorted(r[0] for r in con.execute("SELECT version_num FROM alembic_version"))
    finally:
        con.close()
    return rows, tables


def online_steps(cmd):
    assert cmd.startswith("online:")
    return [s.strip() for s in cmd[len("online:"):].split(";") if s.strip()]


def run_online(cmd, top, run):
    """Run an online sequence on a fresh TOP/test.db; run(argv) -> (rc, stdout, stderr).
    Returns the list of step dicts stored in NNN.out."""
    path = os.path.join(top, "test.db")
    if os.path.exists(path):
        os.unlink(path)
    steps = []
    for step in online_steps(cmd):
        rc, out, _err = run(shlex.split(step))
        rows, tables = db_state(top)
        steps.append({"step": step, "rc": rc, "out": placeholder(out, top),
                      "rows": rows, "tables": tables})
    return steps


# ---------------------------------------------------------------- set-order normalisation
#
# Alembic prints some collections straight out of Python sets; the recorder
# rewrites them to our pinned rule (bytewise sorted):
#   * branches: the "         -> child" entries of each block are sorted;
#   * "Branches into: a, b" and "Branch names: a, b" items are sorted;
#   * a branch-label group "REV (l1, l2)" (short form: right after the revision
#     id, i.e. at the start of a heads/branches line or after the first " -> "
#     of a history/child line) is sorted; dependency groups "PARENT (d1, d2) ->"
#     are file order and are left alone;
#   * `current` (online sequences) prints one revision per line: lines sorted;
#     `show current` prints one verbose block per current head: blocks sorted.
#   * offline SQL of upgrade/downgrade: the version-table statements are
#     replayed from the start revision; in a merge step with other heads
#     present (DELETE x.. + UPDATE y -> R) the set F = {x.., y} is re-emitted
#     sorted (DELETE F[:-1], UPDATE F[-1] -> R), in an unmerge step with other
#     heads (INSERT t.. + UPDATE R -> t) likewise T = {t..} sorted.
# record.py also runs every case under two hash seeds and excludes the cases
# whose normalised outputs still differ.

LABEL_AFTER_ARROW = re.compile(r"^(.*? -> )(\S+) \(([^()]*, [^()]*)\)")
LABEL_AT_START = re.compile(r"^([^\s:]+) \(([^()]*, [^()]*)\)")


def sort_items(s):
    return ", ".join(sorted(s.split(", ")))


def norm_line(line):
    m = re.match(r"^(Branches into|Branch names): (.*)$", line)
    if m:
        return "%s: %s" % (m.group(1), sort_items(m.group(2)))
    m = LABEL_AFTER_ARROW.match(line)
    if m:
        return "%s%s (%s)%s" % (m.group(1), m.group(2), sort_items(m.group(3)), line[m.end():])
    m = LABEL_AT_START.match(line)
    if m:
        return "%s (%s)%s" % (m.group(1), sort_items(m.group(2)), line[m.end():])
    return line


def sort_child_entries(lines):
    """In `branches` output, sort each run of '<spaces> -> child' entries
    (an entry may continue over lines when its doc is multi-line)."""
    out, i = [], 0
    while i < len(lines):
        if not re.match(r"^ + -> ", lines[i]):
            out.append(lines[i])
            i += 1
            continue
        entries = []
        while i < len(lines) and re.match(r"^ + -> ", lines[i]):
            e = [lines[i]]
            i += 1
            while i < len(lines) and lines[i] != "" and not re.match(r"^ + -> ", lines[i]):
                e.append(lines[i])
                i += 1
            entries.append(e)
        for e in sorted(entries):
            out.extend(e)
    return out


VERSION_STMT = re.compile(r"^(INSERT INTO alembic_version \(version_num\) VALUES \('([^']*)'\)"
                          r"|UPDATE alembic_version SET version_num='([^']*)' WHERE "
                          r"alembic_version.version_num = '([^']*)'"
                          r"|DELETE FROM alembic_version WHERE alembic_version.version_num = '([^']*)')")


def sql_start(argv, cmd):
    """The start revision of an offline upgrade/downgrade (A of A:B), '' for base."""
    pos = [a for a in argv[argv.index(cmd) + 1:] if not a.startswith("-")]
    spec = pos[0] if pos else ""
    if ":" not in spec:
        return ""
    start = spec.split(":", 1)[0]
    return "" if start == "base" else start


def norm_step(kind, stmts, heads):
    """Rewrite one step's version statements [(index, kind, a, b)] to the pinned
    order when Alembic took it from a set (merge/unmerge with other heads)."""
    kinds = [k for _, k, _, _ in stmts]
    if kind == "upgrade" and len(stmts) > 1 and kinds[-1] == "U" and \
            all(k == "D" for k in kinds[:-1]):
        f = [a for _, _, a, _ in stmts[:-1]] + [stmts[-1][3]]
        if heads - set(f):
            f = sorted(f)
            return [(f[j], None) for j in range(len(f) - 1)] + [(stmts[-1][2], f[-1])]
    if kind == "downgrade" and len(stmts) > 1 and kinds[-1] == "U" and \
            all(k == "I" for k in kinds[:-1]):
        r = stmts[-1][3]
        t = [a for _, _, a, _ in stmts[:-1]] + [stmts[-1][2]]
        if heads - {r}:
            t = sorted(t)
            return [(t[j], None) for j in range(len(t) - 1)] + [(t[-1], r)]
    return None


def apply_version(heads, k, a, b):
    if k == "I":
        heads.add(a)
    elif k == "D":
        heads.discard(a)
    else:
        heads.discard(b)
        heads.add(a)


def norm_sql(text, start):
    """Offline SQL: replay the version-table statements from the start revision
    and pin the merge/unmerge statement order Alembic takes from a set."""
    lines = text.split("\n")
    if start in ("head", "heads"):
        # a symbolic start: the rows it stands for are the first step's from-revisions
        first = re.search(r"^-- Running (?:upgrade|downgrade|stamp_revision) (.*?) -> ",
                          text, re.M)
        start = first.group(1) if first else ""
        heads = set(r for r in start.split(", ") if r)
    else:
        heads = {start} if start else set()
    kind, stmts = None, []

    def flush():
        new = norm_step(kind, stmts, set(heads)) if kind else None
        if new:
            for (i, k, _, _), (a, b) in zip(stmts, new):
                m = VERSION_STMT.match(lines[i])
                tail = lines[i][m.end():]
                if k == "I":
                    lines[i] = "INSERT INTO alembic_version (version_num) VALUES ('%s')%s" % (a, tail)
                elif k == "D":
                    lines[i] = ("DELETE FROM alembic_version WHERE "
                                "alembic_version.version_num = '%s'%s" % (a, tail))
                else:
                    lines[i] = ("UPDATE alembic_version SET version_num='%s' WHERE "
                                "alembic_version.version_num = '%s'%s" % (a, b, tail))
        for _, k, a, b in stmts:
            apply_version(heads, k, a, b)

    for i, line in enumerate(lines):
        m = re.match(r"^-- Running (upgrade|downgrade|stamp_revision) ", line)
        if m:
            flush()
            kind, stmts = m.group(1), []
            continue
        m = VERSION_STMT.match(line)
        if m and kind:
            if m.group(2) is not None:
                stmts.append((i, "I", m.group(2), None))
            elif m.group(3) is not None:
                stmts.append((i, "U", m.group(3), m.group(4)))
            else:
                stmts.append((i, "D", m.group(5), None))
    flush()
    return "\n".join(lines)


def sort_rev_blocks(text):
    """`show current`: one verbose block per current head (a set): blocks sorted."""
    blocks = re.split(r"(?m)^(?=Rev: )", text)
    head = blocks[0] if blocks and not blocks[0].startswith("Rev: ") else ""
    rest = [b for b in blocks if b.startswith("Rev: ")]
    return head + "".join(sorted(rest, key=lambda b: b.split("\n", 1)[0].split()[1]))


def normalise(argv, text):
    """Rewrite Alembic's set-ordered output of command ARGV to the pinned order."""
    words = [a for a in argv if not a.startswith("-")]
    if argv[:2] == ["-c", "pg.ini"]:
        words = [a for a in argv[2:] if not a.startswith("-")]
    cmd = words[0] if words else ""
    lines = text.split("\n")
    if cmd == "current":
        body = sorted(l for l in lines if l)
        return "".join(l + "\n" for l in body)
    if cmd == "show" and "current" in words:
        return sort_rev_blocks("\n".join(norm_line(l) for l in lines))
    if cmd in ("upgrade", "downgrade") and "--sql" in argv:
        return norm_sql(text, sql_start(argv, cmd))
    lines = [norm_line(l) for l in lines]
    if cmd == "branches":
        lines = sort_child_entries(lines)
    return "\n".join(lines)


def read(path, default=None):
    if not os.path.exists(path):
        return default
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(text)


def dumps(steps):
    """One JSON object per step and line."""
    return "[\n" + ",\n".join(json.dumps(s, ensure_ascii=False) for s in steps) + "\n]\n"

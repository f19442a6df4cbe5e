#!/usr/bin/python3
"""record.py - record Python Alembic 1.8.1's outputs for every conformance case.

usage: record.py [PROJECT...]      (default: every project of gen_project.py)

For each project: generate it twice (one tree per hash seed), expand
commands.txt for it, run every case under oracle.py with PYTHONHASHSEED=0 and
PYTHONHASHSEED=1, normalise the set-ordered output (conflib.normalise) and
compare the two runs.  Equal -> written to expected/<project>/NNN.*;
different -> the case depends on Python set order beyond what the
normalisation covers (e.g. which row a merge DELETEs when other heads exist)
and is listed in expected/EXCLUDED.txt instead.  See README.md.
"""
import concurrent.futures
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

import conflib

SEEDS = ("0", "1")


class Oracle:
    """One oracle.py --serve process for one hash seed."""

    def __init__(self, seed, scratch):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONDONTWRITEBYTECODE="1",
                   LC_ALL="C.UTF-8")
        env.pop("ALEMBIC_CONFIG", None)
        self.proc = subprocess.Popen(["/usr/bin/python3", os.path.join(conflib.HERE, "oracle.py"),
                                      "--serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     env=env, text=True)
        self.out = os.path.join(scratch, "out." + seed)
        self.err = os.path.join(scratch, "err." + seed)

    def run(self, cwd, argv):
        req = {"cwd": cwd, "argv": argv, "out": self.out, "err": self.err}
        self.proc.stdin.write(json.dumps(req) + "\n")
        self.proc.stdin.flush()
        rc = int(self.proc.stdout.readline())
        return rc, conflib.read(self.out, ""), conflib.read(self.err, "")

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()


def run_case(oracle, top, cmd):
    """-> dict(out, rc, err) for one case, normalised, paths replaced."""
    def run(argv):
        rc, out, err = oracle.run(top, argv)
        return rc, conflib.normalise(argv, out), err

    if cmd.startswith("online:"):
        steps = conflib.run_online(cmd, top, run)
        for s in steps:
            if s["rc"] == 1:
                s["rc"], s["out"] = "crash", ""
        return {"out": conflib.dumps(steps), "rc": "0", "err": None}
    argv = shlex.split(cmd)
    cwd = conflib.copy_project(top) if conflib.writes_files(argv) else top
    try:
        rc, out, err = oracle.run(cwd, argv)
        out = conflib.normalise(argv, out)
    finally:
        if cwd != top:
            shutil.rmtree(cwd)
    res = {"out": conflib.placeholder(out, cwd), "rc": str(rc), "err": None}
    if rc == 1:
        res["rc"] = "crash"
    if conflib.is_sql(cmd) and rc in (0, 255) and "Warning" not in err:
        res["err"] = conflib.placeholder(err, cwd)
    return res


def record_project(name, oracles, scratch, excluded):
    cmds = conflib.gen_commands(name)
    tops = [conflib.gen(name, os.path.join(scratch, "s" + s, name)) for s in SEEDS]
    digest = conflib.tree_digest(tops[0])
    with concurrent.futures.ThreadPoolExecutor(len(SEEDS)) as pool:
        futs = [pool.submit(lambda o, t: [run_case(o, t, c) for c in cmds], o, t)
                for o, t in zip(oracles, tops)]
        results = [f.result() for f in futs]
    dest = os.path.join(conflib.EXPECTED, name)
    if os.path.exists(dest):
        shutil.rmtree(dest)
    os.makedirs(dest)
    conflib.write(os.path.join(dest, "PROJECT.sha256"), digest + "\n")
    n_ok = 0
    for i, cmd in enumerate(cmds):
        a, b = results[0][i], results[1][i]
        if a != b:
            excluded.append("%s\t%s\tdiffers between PYTHONHASHSEED=0 and 1" % (name, cmd))
            continue
        base = os.path.join(dest, "%03d" % i)
        conflib.write(base + ".cmd", cmd + "\n")
        conflib.write(base + ".out", a["out"])
        conflib.write(base + ".rc", a["rc"] + "\n")
        if a["err"] is not None:
            conflib.write(base + ".err", a["err"])
        n_ok += 1
    heads = [r for r, c in zip(results[0], cmds) if c == "heads"]
    if heads and heads[0]["rc"] != "0":
        print("WARNING: %s: `heads` failed under Alembic: %s" % (name, heads[0]["out"]))
    print("%s: %d recorded, %d excluded" % (name, n_ok, len(cmds) - n_ok), flush=True)


def main(argv):
    names = argv[1:] or conflib.project_names()
    scratch = tempfile.mkdtemp(prefix="alembic-record.")
    oracles = [Oracle(s, scratch) for s in SEEDS]
    excl_path = os.path.join(conflib.EXPECTED, "EXCLUDED.txt")
    kept = []
    old = conflib.read(excl_path, "")
    for line in old.split("\n"):
        if line and not line.startswith("#") and line.split("\t")[0] not in names:
            kept.append(line)
    excluded = []
    try:
        os.makedirs(conflib.EXPECTED, exist_ok=True)
        for name in names:
            record_project(name, oracles, scratch, excluded)
    finally:
        for o in oracles:
            o.close()
        shutil.rmtree(scratch)
    lines = sorted(kept + excluded)
    conflib.write(excl_path, "# project\tcommand\treason (written by record.py)\n" +
                  "".join(l + "\n" for l in lines))


if __name__ == "__main__":
    main(sys.argv)

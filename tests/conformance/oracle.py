#!/usr/bin/python3
"""oracle.py - Python Alembic 1.8.1 with its revision-file order pinned.

Alembic builds its revision map in os.listdir() order (filesystem dependent);
we load files in bytewise sorted order, so the oracle sees sorted listings.

  oracle.py ARGS...    behaves like `python3 -m alembic ARGS...`
  oracle.py --serve    fork server for record.py: imports Alembic once, then
                       reads JSON requests {"cwd", "argv", "out", "err"} one
                       per line on stdin, runs each in a forked child (stdin
                       /dev/null, stdout/stderr to the named files) and answers
                       with the exit status on a line of its own.  The child
                       is a fresh copy of the imported interpreter, so no
                       state leaks from one command to the next.
Run it with PYTHONHASHSEED set (record.py uses 0 and 1) and
PYTHONDONTWRITEBYTECODE=1 (no __pycache__ in the projects).
"""
import os
import sys

_listdir = os.listdir
os.listdir = lambda p=".": sorted(_listdir(p))

from alembic.config import main  # noqa: E402


def run_child(req):
    os.chdir(req["cwd"])
    fd0 = os.open(os.devnull, os.O_RDONLY)
    fd1 = os.open(req["out"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    fd2 = os.open(req["err"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(fd0, 0)
    os.dup2(fd1, 1)
    os.dup2(fd2, 2)
    sys.argv = ["alembic"] + req["argv"]
    code = 0
    try:
        main(prog="alembic")
    except SystemExit as e:
        if e.code is None:
            code = 0
        elif isinstance(e.code, int):
            code = e.code & 0xFF
        else:
            sys.stderr.write(str(e.code) + "\n")
            code = 1
    except BaseException:  # an uncaught exception: traceback, status 1 like python3 -m
        import traceback
        traceback.print_exc()
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def serve():
    import json
    for line in sys.stdin:
        req = json.loads(line)
        pid = os.fork()
        if pid == 0:
            run_child(req)
        _, status = os.waitpid(pid, 0)
        rc = os.waitstatus_to_exitcode(status)
        sys.stdout.write("%d\n" % rc)
        sys.stdout.flush()


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        serve()
    else:
        main(prog="alembic")

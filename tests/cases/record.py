#!/usr/bin/python3
"""record.py - fill in the expected answers of the graph case files from the
oracle (Debian's Alembic 1.8.1), so the C runner (tests/unit/t_graph_cases.c)
needs no Python.

    /usr/bin/python3 tests/cases/record.py tests/cases/*.txt

A case file holds a graph and queries; this script rewrites every "= ..."
line that follows a "q ..." line (adding it when missing).  Grammar:

    # comment
    rev ID [down=A,B] [deps=X,Y] [labels=L,M]      (load order = file order)
    q upgrade TARGET | ROWS          steps + resulting row set
    q downgrade TARGET | ROWS        steps (+ "| warn") + resulting row set
    q history LOWER:UPPER | ROWS     revisions newest first ("current" = ROWS)
    q stamp T1 T2 ... | ROWS         stamp steps + resulting row set
    q current | ROWS                 get_all_current, sorted
    q resolve IDENT                  get_revisions (None / base entries shown)
    q heads / q realheads            versioned / real heads, map order
    q labels ID                      effective branch labels, sorted

Answers:  "up:ID ..." / "down:ID ..." / "stamp:FROM>TO ..." then "| rows=A,B"
(row set sorted bytewise: which statement a merge uses is Python set order,
only the set is recorded; unmerges follow Alembic 1.13.1's fix #1373, see
unmerge_to_revisions_1373; normalized dependencies keep their written
order, see normalize_depends_on_pinned), or "error: resolution ARG", "error: multiple_heads
ARG", "error: range", "error: revision MESSAGE", "error: crash" (Alembic
fails an assertion or a lookup; the C code must give ERR_REVISION); "rows=crash"
when only the version-row bookkeeping fails that way.
"""
import contextlib
import sys
import types
import warnings

from alembic.runtime import migration
from alembic.script import revision as rv
from alembic.script.base import ScriptDirectory

MODULE = types.SimpleNamespace(upgrade=lambda: None, downgrade=lambda: None)


class Rev(rv.Revision):
    module = MODULE
    doc = ""


class Maintainer(migration.HeadMaintainer):
    """HeadMaintainer without a database: only the row set is kept."""

    def _insert_version(self, version):
        assert version not in self.heads
        self.heads.add(version)

    def _delete_version(self, version):
        self.heads.remove(version)

    def _update_version(self, from_, to_):
        assert to_ not in self.heads
        self.heads.remove(from_)
        self.heads.add(to_)


def tup(s):
    items = [x for x in s.split(",") if x]
    if not items:
        return None
    return items[0] if len(items) == 1 else tuple(items)


def parse_rev(words):
    kw = {"down": "", "deps": "", "labels": ""}
    for w in words[2:]:
        k, _, v = w.partition("=")
        kw[k] = v
    return Rev(words[1], tup(kw["down"]), dependencies=tup(kw["deps"]),
               branch_labels=tup(kw["labels"]))


def unmerge_to_revisions_1373(self, heads):
    """RevisionStep._unmerge_to_revisions as fixed in Alembic 1.13.1 (#1373):
    with no other heads, to-revisions that are ancestors of another
    to-revision are not re-inserted.  The C code follows the fix, so the
    recorded row sets do too (1.8.1 would leave an ancestor as an extra row)."""
    other_heads = set(heads).difference([self.revision.revision])
    if other_heads:
        ancestors = set(r.revision for r in self.revision_map._get_ancestor_nodes(
            self.revision_map.get_revisions(other_heads), check=False))
        return tuple(set(self.to_revisions).difference(ancestors))
    ancestors = set(r.revision for to in self.to_revisions
                    for r in self.revision_map._get_ancestor_nodes(
                        self.revision_map.get_revisions(to), check=False)
                    if r.revision != to)
    return tuple(t for t in self.to_revisions if t not in ancestors)


migration.RevisionStep._unmerge_to_revisions = unmerge_to_revisions_1373

_orig_normalize = rv.RevisionMap._normalize_depends_on


def normalize_depends_on_pinned(self, revisions, map_):
    """RevisionMap._normalize_depends_on keeps a Python set, so the order of
    _normalized_resolved_dependencies (and through it the topological order
    when a revision has two surviving dependencies) changes from run to run.
    The C code pins it to the order as written; so does the recording."""
    _orig_normalize(self, revisions, map_)
    for r in revisions:
        kept = set(r._normalized_resolved_dependencies)
        r._normalized_resolved_dependencies = tuple(
            d for d in dict.fromkeys(r._resolved_dependencies) if d in kept)


rv.RevisionMap._normalize_depends_on = normalize_depends_on_pinned


class Fake:
    """The parts of ScriptDirectory that _upgrade_revs & co. use."""

    def __init__(self, rm):
        self.revision_map = rm

    def _catch_revision_errors(self, **kw):
        return contextlib.nullcontext()

    def iterate_revisions(self, upper, lower, **kw):
        return self.revision_map.iterate_revisions(upper, lower, **kw)

    def get_revisions(self, id_):
        return self.revision_map.get_revisions(id_)


def show(r):
    if r is None:
        return "None"
    if isinstance(r, str):
        return r
    return r.revision


def apply_rows(rm, steps, rows):
    hm = Maintainer(None, rows)
    try:
        for st in steps:
            hm.update_to_step(st)
    except (AssertionError, KeyError, IndexError):
        return "rows=crash"
    return "rows=" + ",".join(sorted(hm.heads))


def run(rm, cmd, arg, rows):
    fake = Fake(rm)
    if cmd == "upgrade":
        steps = ScriptDirectory._upgrade_revs(fake, arg, rows)
        return " ".join("up:" + s.revision.revision for s in steps) + " | " + apply_rows(rm, steps, rows)
    if cmd == "downgrade":
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            steps = ScriptDirectory._downgrade_revs(fake, arg, rows)
        out = " ".join("down:" + s.revision.revision for s in steps)
        if w:
            out += " | warn"
        return out + " | " + apply_rows(rm, steps, rows)
    if cmd == "stamp":
        steps = ScriptDirectory._stamp_revs(fake, tuple(arg.split()), rows)
        text = " ".join("stamp:%s>%s" % (",".join(s.from_), ",".join(s.to_)) for s in steps)
        return text + " | " + apply_rows(rm, steps, rows)
    if cmd == "history":
        lo, hi = arg.split(":")
        lo = (rows if lo == "current" else lo) or "base"
        hi = (rows if hi == "current" else hi) or "heads"
        return " ".join(r.revision for r in rm.iterate_revisions(
            hi, lo, inclusive=True, assert_relative_length=False))
    if cmd == "current":
        return " ".join(sorted(r.revision for r in rm._get_all_current(rows)))
    if cmd == "resolve":
        return " ".join(show(r) for r in rm.get_revisions(arg))
    if cmd == "heads":
        return " ".join(rm.heads)
    if cmd == "realheads":
        return " ".join(rm._real_heads)
    if cmd == "labels":
        return " ".join(sorted(rm.get_revision(arg).branch_labels))
    raise SystemExit("unknown query " + cmd)


def answer(revs, query):
    head, _, rows = query.partition("|")
    cmd, _, arg = head.partition(" ")
    rows = tuple(x for x in rows.strip().split(",") if x)
    rm = rv.RevisionMap(lambda: [parse_rev(words) for words in revs])
    try:
        return run(rm, cmd, arg.strip(), rows).strip()
    except rv.RangeNotAncestorError:
        return "error: range"
    except rv.MultipleHeads as e:
        return "error: multiple_heads %s" % e.argument
    except rv.ResolutionError as e:
        return "error: resolution %s" % e.argument
    except rv.RevisionError as e:
        msg = e.args[0]
        head, sep, others = msg.partition(" overlaps with other requested revisions ")
        if sep:  # the other revisions come from a set: pinned to sorted
            msg = head + sep + ", ".join(sorted(others.split(", ")))
        return "error: revision %s" % msg
    except (AssertionError, KeyError, AttributeError, IndexError, TypeError):
        return "error: crash"


def record(path):
    out, revs = [], []
    lines = open(path).read().splitlines()
    for line in lines:
        if line.startswith("= "):
            continue
        out.append(line)
        if line.startswith("rev "):
            revs.append(line.split())
        elif line.startswith("q "):
            out.append("= " + answer(revs, line[2:]))
    open(path, "w").write("\n".join(out) + "\n")


if __name__ == "__main__":
    for p in sys.argv[1:]:
        record(p)

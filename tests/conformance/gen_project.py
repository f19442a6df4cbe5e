#!/usr/bin/python3
"""gen_project.py - deterministic Alembic 1.8.1 projects for the conformance tests.

Standard library only: tests/conformance/check.sh runs it on machines without
Alembic.  Every project is a function of its name (hand-written ones) or of
its seed (generated ones), so the recorder and the checker build byte-identical
trees.  The files follow what `alembic init migrations` (generic template) and
`alembic revision` (script.py.mako, reference section 5.3) write, with fixed
"Create Date" strings.

usage:
  gen_project.py list                 names of the conformance projects
  gen_project.py gen NAME DIR         write project NAME into DIR (created)
  gen_project.py commands NAME        the command lines of commands.txt expanded
                                      for NAME (one per line, tab-free)
  gen_project.py bench N SEED DIR     an N-revision project (mostly linear, some
                                      branches and merges) for bench/graph.sh
"""

import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATE = os.path.join(HERE, "template")
PG_URL = "postgresql://u:p@localhost/db"
SQLITE_URL = "sqlite:///test.db"


class Rev:
    """One revision file: graph attributes, docstring message and SQL bodies."""

    def __init__(self, rid, down=(), labels=(), deps=(), msg="", where=0, up=None, down_sql=None):
        self.id = rid                # revision id
        self.down = list(down)       # down_revision ids in file order
        self.labels = list(labels)   # branch_labels as written
        self.deps = list(deps)       # depends_on as written (ids or labels)
        self.msg = msg               # -m message (None: option absent -> "empty message")
        self.where = where           # index of the version location
        self.up = up                 # upgrade statements (None: default t_<id> table)
        self.down_sql = down_sql     # downgrade statements
        self.date = ""               # Create Date string, set by the project
        self.style = "plain"         # "plain" op.execute("..") or "text" op.execute(sa.text(".."))


# ---------------------------------------------------------------- rendering

def py_repr_str(s):
    """Python repr() of a str made of printable ASCII without quotes or backslashes."""
    return "'" + s + "'"


def py_repr_seq(items, scalar_one):
    """repr() of None / 'x' / ('x',) / ('x', 'y') as script.py.mako renders it."""
    if not items:
        return "None"
    if len(items) == 1 and scalar_one:
        return py_repr_str(items[0])
    if len(items) == 1:
        return "(" + py_repr_str(items[0]) + ",)"
    return "(" + ", ".join(py_repr_str(i) for i in items) + ")"


def slug(msg):
    """Alembic 1.8.1 file-name slug (script/base.py generate_revision), length 40."""
    words = re.findall(r"\w+", msg or "", re.UNICODE)
    s = "_".join(words).lower()
    if len(s) > 40:
        s = s[:40].rsplit("_", 1)[0] + "_"
    return s


def py_string(sql):
    """A double-quoted Python literal for a SQL statement (escapes \\ and \")."""
    return '"' + sql.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def body(stmts, style):
    """The indented body of upgrade()/downgrade(): op.execute calls or pass."""
    if not stmts:
        return "    pass\n"
    out = []
    for s in stmts:
        if style == "text":
            out.append("    op.execute(sa.text(%s))\n" % py_string(s))
        else:
            out.append("    op.execute(%s)\n" % py_string(s))
    return "".join(out)


def render_rev(r):
    """The file text Alembic 1.8.1's generic script.py.mako would produce for r."""
    message = "empty message" if r.msg is None else r.msg
    up = r.up if r.up is not None else [
        "CREATE TABLE IF NOT EXISTS t_%s (id INTEGER PRIMARY KEY, note TEXT)" % r.id,
        "INSERT INTO t_%s (note) VALUES ('up %s')" % (r.id, r.id)]
    down = r.down_sql if r.down_sql is not None else ["DROP TABLE IF EXISTS t_%s" % r.id]
    return ('"""%s\n\nRevision ID: %s\nRevises: %s\nCreate Date: %s\n\n"""\n'
            "from alembic import op\nimport sqlalchemy as sa\n\n\n"
            "# revision identifiers, used by Alembic.\n"
            "revision = %s\ndown_revision = %s\nbranch_labels = %s\ndepends_on = %s\n\n\n"
            "def upgrade() -> None:\n%s\n\ndef downgrade() -> None:\n%s") % (
                message, r.id, ", ".join(r.down), r.date, py_repr_str(r.id),
                py_repr_seq(r.down, True), py_repr_seq(r.labels, False),
                py_repr_seq(r.deps, True), body(up, r.style), body(down, r.style))


def file_name(r):
    return "%s_%s.py" % (r.id, slug("empty message" if r.msg is None else r.msg))


class Project:
    """A project: revisions plus the version locations they live in."""

    def __init__(self, name, revs, locations=("migrations/versions",)):
        self.name = name
        self.revs = revs
        self.locations = list(locations)   # relative to the project dir
        for i, r in enumerate(revs):
            if not r.date:
                us = (i * 7919) % 1000000 if i % 5 else 0
                r.date = "2026-11-24 %02d:%02d:%02d" % (i // 3600 % 24, i // 60 % 60, i % 60)
                if us:
                    r.date += ".%06d" % us

    def ini(self, url):
        """alembic.ini as `alembic init migrations` writes it, URL and locations set."""
        with open(os.path.join(TEMPLATE, "alembic.ini"), encoding="utf-8") as f:
            text = f.read()
        text = text.replace("sqlalchemy.url = driver://user:pass@localhost/dbname",
                            "sqlalchemy.url = " + url)
        if len(self.locations) > 1 or self.locations[0] != "migrations/versions":
            locs = ":".join("%(here)s/" + p for p in self.locations)
            text = text.replace(
                "# version_locations = %(here)s/bar:%(here)s/bat:migrations/versions",
                "version_locations = " + locs)
            # the template's inline comment is part of the value (reference 2.1)
            text = text.replace("version_path_separator = os  # Use os.pathsep. "
                                "Default configuration used for new projects.",
                                "version_path_separator = os")
        return text

    def write(self, top):
        os.makedirs(os.path.join(top, "migrations", "versions"))
        for name in ("env.py", "script.py.mako", "README"):
            with open(os.path.join(TEMPLATE, name), encoding="utf-8") as f:
                data = f.read()
            with open(os.path.join(top, "migrations", name), "w", encoding="utf-8") as f:
                f.write(data)
        for url, ini in ((SQLITE_URL, "alembic.ini"), (PG_URL, "pg.ini")):
            with open(os.path.join(top, ini), "w", encoding="utf-8") as f:
                f.write(self.ini(url))
        for loc in self.locations:
            os.makedirs(os.path.join(top, loc), exist_ok=True)
        for r in self.revs:
            path = os.path.join(top, self.locations[r.where], file_name(r))
            with open(path, "w", encoding="utf-8") as f:
                f.write(render_rev(r))


# ---------------------------------------------------------------- hand-written projects

def proj_p1():
    """Reference p1: linear, the three revisions of the tutorial (op.execute bodies)."""
    return Project("p1", [
        Rev("1975ea83b712", msg="create account table",
            up=["CREATE TABLE account (\n    id INTEGER NOT NULL, \n    name VARCHAR(50) NOT NULL, "
                "\n    PRIMARY KEY (id)\n)"],
            down_sql=["DROP TABLE account"]),
        Rev("ae1027a6acf", ["1975ea83b712"], msg="add a column",
            up=["ALTER TABLE account ADD COLUMN last_transaction_date DATETIME"],
            down_sql=["ALTER TABLE account DROP COLUMN last_transaction_date"]),
        Rev("27c6a30d7c24", ["ae1027a6acf"], msg="third",
            up=["INSERT INTO account (id, name) VALUES (1, 'x')"],
            down_sql=["DELETE FROM account WHERE id = 1"]),
    ])


def proj_p3():
    """Reference p3: diamond aaaa0001 -> {bbbb0001 -> bbbb0002, cccc0001} -> eeee0001."""
    return Project("p3", [
        Rev("aaaa0001", msg="root a"),
        Rev("bbbb0001", ["aaaa0001"], msg="b one"),
        Rev("bbbb0002", ["bbbb0001"], msg="b two"),
        Rev("cccc0001", ["aaaa0001"], msg="c one"),
        Rev("eeee0001", ["bbbb0002", "cccc0001"], msg="merge b and c"),
    ])


def proj_p4():
    """Reference p4: two version dirs, labels core/netlib/zz, dependencies by id and label."""
    return Project("p4", [
        Rev("a1000001", labels=["core"], msg="core one"),
        Rev("a1000002", ["a1000001"], msg="core two"),
        Rev("a1000003", ["a1000002"], deps=["netlib"], msg="core three needs net"),
        Rev("a1000004", ["a1000003"], deps=["z1000001"], msg="core four needs zeta"),
        Rev("n1000001", labels=["netlib"], msg="net one", where=1),
        Rev("n1000002", ["n1000001"], msg="net two", where=1),
        Rev("n1000003", ["n1000002"], deps=["a1000002"], msg="net three", where=1),
        Rev("z1000001", labels=["zz"], msg="zeta base"),
    ], locations=("migrations/versions", "netlib_versions"))


def proj_p12():
    """Reference p12: the canonical two op.execute revisions with a log table."""
    return Project("p12", [
        Rev("a1b2c3d4e5f6", msg="create log",
            up=["CREATE TABLE log (id INTEGER PRIMARY KEY, msg TEXT)"], down_sql=["DROP TABLE log"]),
        Rev("0f1e2d3c4b5a", ["a1b2c3d4e5f6"], msg="seed log",
            up=["INSERT INTO log (msg) VALUES ('hello')"],
            down_sql=["DELETE FROM log WHERE msg = 'hello'"]),
    ])


def proj_ambig():
    """Prefix ambiguity, short ids, empty/absent/multi-line/multi-paragraph/unicode docs."""
    revs = [
        Rev("abcd1111", msg="first of the abcd family"),
        Rev("abcd2222", ["abcd1111"], msg=""),
        Rev("abcd3333", ["abcd2222"], msg="multi line\nsecond line of the first paragraph"),
        Rev("ab", ["abcd3333"], msg="short id ab\n\nmore text in a second paragraph\nand a third line"),
        Rev("x", ["ab"], msg=None),
        Rev("abc", ["x"], labels=["abcdlabel"], msg="three char id with a label"),
        Rev("f00dcafe0001", ["abc"], msg="ünïcode message with punctuation, and  spaces!!"),
        Rev("f00dcafe0002", ["f00dcafe0001"], msg="tab\tand sa.text body"),
        Rev("f00dbeef0003", ["f00dcafe0002"], msg="last of the chain"),
        Rev("b9", ["abcd1111"], msg="branch off the first"),
        Rev("b9b9b9b9", ["b9"], msg="prefix b9 family", deps=["abcdlabel"]),
    ]
    revs[7].style = "text"
    revs[2].up = ["CREATE TABLE IF NOT EXISTS t_abcd3333 (id INTEGER PRIMARY KEY,\n"
                  "\tnote TEXT)", "UPDATE t_abcd3333 SET note = 'x;'"]
    return Project("ambig", revs)


def proj_empty():
    """No revisions at all."""
    return Project("empty", [])


# ---------------------------------------------------------------- generated projects

WORDS = ("add create drop user account table index column rename widen seed "
         "orders invoice audit log cleanup backfill split merge tweak").split()
LABELS = ("alpha", "beta", "gamma", "delta", "zz", "ext", "hotfix", "billing")

GEN = {  # name: (seed, revisions, p_branch, p_merge, p_base, p_label, p_dep, two_dirs, ambig)
    "g01": (1, 12, 0.0, 0.0, 0.0, 0.0, 0.0, False, False),
    "g02": (2, 20, 0.25, 0.15, 0.0, 0.1, 0.0, False, False),
    "g03": (3, 24, 0.2, 0.15, 0.12, 0.3, 0.0, False, False),
    "g04": (4, 24, 0.2, 0.1, 0.12, 0.3, 0.2, True, False),
    "g05": (5, 28, 0.3, 0.3, 0.05, 0.1, 0.05, False, False),
    "g06": (6, 18, 0.2, 0.1, 0.05, 0.15, 0.1, False, True),
    "g07": (7, 30, 0.2, 0.2, 0.1, 0.25, 0.15, True, True),
    "g08": (8, 16, 0.35, 0.25, 0.15, 0.3, 0.2, False, False),
}


def gen_ids(rnd, n, ambig):
    """n distinct ids: mostly 12-hex, a few short (<=3) and, with ambig, shared prefixes."""
    ids = []
    while len(ids) < n:
        k = rnd.random()
        if ambig and k < 0.25 and ids:
            base = rnd.choice(ids)
            pre = base[:rnd.randint(4, 6)] if len(base) > 6 else "%04x" % rnd.getrandbits(16)
            rid = pre + "%012x" % rnd.getrandbits(48)
            rid = rid[:12]
        elif ambig and k < 0.35:
            rid = rnd.choice("abcdef") + "%x" % rnd.getrandbits(4 * rnd.randint(0, 2))
            rid = rid[:rnd.randint(1, 3)]
        else:
            rid = "%012x" % rnd.getrandbits(48)
        if rid not in ids and not rid.isdigit():
            ids.append(rid)
    return ids


def gen_message(rnd, i):
    k = rnd.random()
    if k < 0.05:
        return ""
    if k < 0.08:
        return None
    words = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 5)))
    if k < 0.12:
        return words + "\nsecond line %d" % i
    if k < 0.16:
        return words + "\n\nsecond paragraph %d" % i
    return "%s %d" % (words, i)


def ancestors(byid, rid):
    """rid and everything below it through down_revision."""
    seen, todo = set(), [rid]
    while todo:
        x = todo.pop()
        if x not in seen:
            seen.add(x)
            todo.extend(byid[x].down)
    return seen


def gen_project(name, seed, n, p_branch, p_merge, p_base, p_label, p_dep, two_dirs, ambig):
    """A random DAG built revision by revision: extend a head, branch, merge 2-3 heads,
    start a new base; labels on new bases/branch starts; dependencies on earlier
    revisions by id or by label."""
    rnd = random.Random(seed)
    ids = gen_ids(rnd, n, ambig)
    revs, heads, byid, labels = [], [], {}, list(LABELS)
    rnd.shuffle(labels)
    for i, rid in enumerate(ids):
        k = rnd.random()
        where, lab = 0, []
        if not revs or k < p_base:
            down = []
            where = rnd.randint(0, 1) if (two_dirs and revs) else 0
            if revs and labels and rnd.random() < 0.8:
                lab = [labels.pop()]
        elif k < p_base + p_merge and len(heads) >= 2:
            down = rnd.sample(heads, 3 if len(heads) >= 3 and rnd.random() < 0.35 else 2)
        elif k < p_base + p_merge + p_branch:
            down = [rnd.choice([r.id for r in revs])]
        else:
            down = [rnd.choice(heads)]
        if down:
            where = byid[down[0]].where
        if down and labels and rnd.random() < p_label * 0.5:
            lab = [labels.pop()]
        deps = []
        if revs and rnd.random() < p_dep:
            anc = set()
            for d in down:
                anc |= ancestors(byid, d)
            cands = [r for r in revs if r.id not in anc]
            if cands:
                t = rnd.choice(cands)
                deps = [t.labels[0] if t.labels and rnd.random() < 0.5 else t.id]
        r = Rev(rid, down, lab, deps, gen_message(rnd, i), where)
        if rnd.random() < 0.2:
            r.style = "text"
        revs.append(r)
        byid[rid] = r
        heads = [h for h in heads if h not in down] + [rid]
    locs = ("migrations/versions", "other_versions") if two_dirs else ("migrations/versions",)
    return Project(name, revs, locs)


def bench_project(n, seed):
    """n revisions: a long trunk; every ~50 revisions a short side branch merged back."""
    rnd = random.Random(seed)
    revs, head, side = [], None, None
    for i in range(n):
        rid = "%012x" % rnd.getrandbits(48)
        if side is not None and rnd.random() < 0.1:
            down = [head, side]
            side = None
        elif head is not None and side is None and i % 50 == 25:
            side = rid
            down = [revs[-3].id]
        else:
            down = [head] if head else []
        r = Rev(rid, down, msg="bench revision %d" % i)
        revs.append(r)
        if side != rid:
            head = rid
    if side is not None:
        revs.append(Rev("%012x" % rnd.getrandbits(48), [head, side], msg="final merge"))
    return Project("bench", revs)


PROJECTS = {
    "p1": proj_p1, "p3": proj_p3, "p4": proj_p4, "p12": proj_p12,
    "ambig": proj_ambig, "empty": proj_empty,
}
for _name, _args in GEN.items():
    PROJECTS[_name] = (lambda nm, a: lambda: gen_project(nm, *a))(_name, _args)


def project(name):
    if name not in PROJECTS:
        sys.exit("gen_project.py: unknown project '%s'" % name)
    return PROJECTS[name]()


# ---------------------------------------------------------------- command expansion

class Graph:
    """Just enough of the revision graph to choose interesting identifiers."""

    def __init__(self, proj):
        self.revs = proj.revs
        self.byid = {r.id: r for r in proj.revs}
        self.children = {r.id: [] for r in proj.revs}
        self.dep_children = {r.id: [] for r in proj.revs}
        label_of = {l: r.id for r in proj.revs for l in r.labels}
        for r in proj.revs:
            for d in r.down:
                self.children[d].append(r.id)
            for d in r.deps:
                self.dep_children[label_of.get(d, d)].append(r.id)
        self.labels = [l for r in proj.revs for l in r.labels]

    def anc(self, rid):
        return ancestors(self.byid, rid)

    def keys(self):
        return [r.id for r in self.revs] + self.labels


def spread(items, k):
    """Up to k items evenly spread over the list (deterministic)."""
    if len(items) <= k:
        return list(items)
    return [items[(i * (len(items) - 1)) // (k - 1)] for i in range(k)] if k > 1 else [items[0]]


def bindings(proj):
    """placeholder family -> list of {placeholder: text} dicts."""
    g = Graph(proj)
    ids = [r.id for r in g.revs]
    heads = [r for r in ids if not g.children[r] and not g.dep_children[r]]
    bases = [r.id for r in g.revs if not r.down]
    merges = [r.id for r in g.revs if len(r.down) > 1]
    bpts = [r for r in ids if len(g.children[r]) > 1]
    long_keys = [k for k in g.keys() if len(k) > 3]
    b = {}

    def one(name, vals):
        b[name] = [{name: v} for v in vals]

    picks = []
    for r in spread(bases, 1) + spread(heads, 1) + spread(merges, 1) + spread(ids, 4):
        if r not in picks:
            picks.append(r)
    one("REV", picks[:5])
    one("EACHREV", ids)
    one("LABEL", spread(g.labels, 3))
    one("HEAD", spread(heads, 3))
    one("BASE", spread(bases, 3))
    one("MERGE", spread(merges, 2))
    one("BRANCHPT", spread(bpts, 2))
    pairs = []
    for hi in ids:
        for lo in sorted(g.anc(hi) - {hi}, key=ids.index):
            pairs.append((lo, hi))
    far = sorted(pairs, key=lambda p: -len(g.anc(p[1]) - g.anc(p[0])))
    chosen = spread(far[:max(1, len(far) // 3)], 2) + spread(pairs, 2)
    b["LOHI"] = [{"LO": lo, "HI": hi} for lo, hi in dict.fromkeys(chosen)]
    unrel = [(x, y) for x in ids for y in ids
             if x < y and x not in g.anc(y) and y not in g.anc(x)]
    b["XY"] = [{"X": x, "Y": y} for x, y in spread(unrel, 2)]
    prefixes, amb = [], []
    for r in ids:
        for ln in range(1, len(r)):
            p = r[:ln]
            n = sum(1 for k in long_keys if k.startswith(p))
            if p in g.keys():
                continue
            if n == 1 and r in long_keys and ln >= 4 and len(prefixes) < 3 and r not in prefixes:
                prefixes.append(p)
                break
            if n > 1 and ln >= 4 and p not in amb:
                amb.append(p)
    one("PREFIX", prefixes)
    one("AMBIG", spread(amb, 2))
    shorts = [r for r in ids if len(r) <= 3]
    for r in ids:
        for ln in (1, 2, 3):
            p = r[:ln]
            if len(r) > 3 and p not in g.keys() and \
                    sum(1 for k in long_keys if k.startswith(p)) == 1 and len(shorts) < 4:
                shorts.append(p)
                break
    one("SHORT", shorts)
    return b


FAMILY_OF = {"REV": "REV", "EACHREV": "EACHREV", "LABEL": "LABEL", "HEAD": "HEAD",
             "BASE": "BASE", "MERGE": "MERGE", "BRANCHPT": "BRANCHPT", "LO": "LOHI",
             "HI": "LOHI", "X": "XY", "Y": "XY", "PREFIX": "PREFIX", "AMBIG": "AMBIG",
             "SHORT": "SHORT"}


def expand(line, b):
    """Every instance of a commands.txt line for one project (see commands.txt)."""
    names = re.findall(r"@([A-Z]+)@", line)
    fams = []
    for n in names:
        if n not in FAMILY_OF:
            sys.exit("commands.txt: unknown placeholder @%s@" % n)
        if FAMILY_OF[n] not in fams:
            fams.append(FAMILY_OF[n])
    if not fams:
        return [line]
    if any(not b[f] for f in fams):
        return []
    out = []
    for k in range(max(len(b[f]) for f in fams)):
        s = line
        for f in fams:
            for n, v in b[f][k % len(b[f])].items():
                s = s.replace("@%s@" % n, v)
        if s not in out:
            out.append(s)
    return out


def commands(name):
    """commands.txt lines expanded for project NAME; '*' lines also get a -c pg.ini twin."""
    proj = project(name)
    b = bindings(proj)
    out = []
    with open(os.path.join(HERE, "commands.txt"), encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            m = re.match(r"^\[([a-z0-9, ]+)\]\s*(.*)$", line)
            if m:  # [p1, p3] restricts a line to some projects
                if name not in [x.strip() for x in m.group(1).split(",")]:
                    continue
                line = m.group(2)
            twin = line.startswith("*")
            line = line.lstrip("*").strip()
            for s in expand(line, b):
                out.append(s)
                if twin:
                    out.append("-c pg.ini " + s)
    return list(dict.fromkeys(out))


def main(argv):
    if len(argv) == 2 and argv[1] == "list":
        print("\n".join(PROJECTS))
    elif len(argv) == 4 and argv[1] == "gen":
        project(argv[2]).write(argv[3])
    elif len(argv) == 3 and argv[1] == "commands":
        for c in commands(argv[2]):
            print(c)
    elif len(argv) == 5 and argv[1] == "bench":
        bench_project(int(argv[2]), int(argv[3])).write(argv[4])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)

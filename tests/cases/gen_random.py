#!/usr/bin/python3
"""gen_random.py - write a random graph case file (queries only; then run
record.py on it to fill in Alembic 1.8.1's answers).

    /usr/bin/python3 tests/cases/gen_random.py SEED [MIN MAX] > tests/cases/random_SEED.txt
    /usr/bin/python3 tests/cases/record.py tests/cases/random_SEED.txt

Graphs: MIN-MAX (default 3-22) revisions with 4-character ids (so prefixes of 1-3 characters
only match exactly), merges of 2-3 parents, branch labels and some dependencies
on ids or labels, always acyclic.  Row sets for the queries are built from
random revisions' "current heads" so they are states Alembic can reach.
"""
import random
import sys

from alembic.script import revision as rv


def main(seed, lo=3, hi=22):
    rnd = random.Random(seed)
    n = rnd.randint(lo, hi)
    ids = ["%s%03d" % (rnd.choice("abcd"), i) for i in range(n)]
    revs, labels = [], []
    for i, rid in enumerate(ids):
        down = []
        if i and rnd.random() < 0.85:
            down = rnd.sample(ids[:i], 1 if rnd.random() < 0.6 or i < 2 else min(i, rnd.choice([2, 2, 3])))
        deps = []
        if i > 1 and rnd.random() < 0.35:
            deps = [rnd.choice(ids[:i])]
        if labels and i > 1 and rnd.random() < 0.1:
            deps.append(rnd.choice(labels))
        lab = []
        if rnd.random() < 0.25:
            lab = ["l%d" % len(labels)]
            labels.extend(lab)
        revs.append((rid, down, [d for d in deps if d not in down], lab))
    order = revs[:]
    rnd.shuffle(order)
    out = ["# random graph, seed %d (tests/cases/gen_random.py)" % seed]
    for rid, down, deps, lab in order:
        line = "rev " + rid
        if down:
            line += " down=" + ",".join(down)
        if deps:
            line += " deps=" + ",".join(deps)
        if lab:
            line += " labels=" + ",".join(lab)
        out.append(line)

    def rows():
        picks = rnd.sample(ids, min(len(ids), rnd.randint(0, 3)))
        rm = rv.RevisionMap(lambda: [rv.Revision(r, tuple(d) or None, dependencies=tuple(p) or None,
                                                 branch_labels=tuple(l) or None)
                                     for r, d, p, l in order])
        try:
            cur = rm._get_all_current(tuple(picks))
        except Exception:
            return ""
        # keep only members that are not ancestors (with deps) of another member
        keep = []
        for r in cur:
            anc = set(x.revision for c in cur if c is not r
                      for x in rm._get_ancestor_nodes([c]))
            if r.revision not in anc:
                keep.append(r.revision)
        return ",".join(sorted(keep))

    targets = ids + labels + ["head", "heads", "base", "+1", "+2", "-1", "-2"]
    targets += [l + "@head" for l in labels] + [l + "@base" for l in labels]
    targets += [l + "@+1" for l in labels] + [l + "@-1" for l in labels]
    targets += [rnd.choice(ids) + "+1", rnd.choice(ids) + "-1", rnd.choice(ids)[:2]]
    targets += [rnd.choice(ids) + "@head", rnd.choice(ids) + "@heads", rnd.choice(ids) + "@base"]
    targets += [rnd.choice(ids) + "@" + rnd.choice(ids), rnd.choice(ids)[:1], "-3", "+3", "head-1", "base+1"]
    targets += [l + "@" + rnd.choice(ids) for l in labels] + [l + "@heads" for l in labels]
    targets += [rnd.choice(ids) + "@-1", rnd.choice(ids) + "@+1", "heads-1", "head+1"]
    out.append("q heads")
    out.append("q realheads")
    for rid in ids:
        out.append("q labels " + rid)
    out.append("q history : |")
    for _ in range(60):
        kind = rnd.choice(["upgrade", "upgrade", "downgrade", "downgrade", "stamp",
                           "history", "current", "resolve"])
        t = rnd.choice(targets)
        if kind == "history":
            lo = rnd.choice(ids + ["", "base"] + [l + "@base" for l in labels])
            hi = rnd.choice(ids + ["", "heads"])
            out.append("q history %s:%s | %s" % (lo, hi, rows()))
        elif kind == "current":
            out.append("q current | " + rows())
        elif kind == "resolve":
            out.append("q resolve " + t)
        elif kind == "stamp":
            out.append("q stamp %s | %s" % (" ".join(rnd.sample(targets, rnd.randint(1, 2))), rows()))
        else:
            out.append("q %s %s | %s" % (kind, t, rows()))
    print("\n".join(out))


if __name__ == "__main__":
    main(*[int(a) for a in sys.argv[1:4]])

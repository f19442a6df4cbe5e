#!/usr/bin/python3
"""bench/corpus/constructs.py CORPUS [--json OUT] - what real revision files do.

Classifies every Alembic revision file under CORPUS (a tree of
<owner>__<repo>/... folders, see bench/corpus/README) with Python's own `ast`
module and prints a Markdown report on stdout: which op.* / batch_op.* calls
and keyword arguments occur and how often, which sa.* / postgresql.* /
sqlmodel names, which statement kinds (dialect conditionals, loops, batch
blocks, autocommit blocks, get_bind().execute, ORM sessions, used query
results, application imports, helper functions, module constants), and the
share of files in each tier of the subset the native reader evaluates:

  T0  bodies of op.execute(<literal>) / pass only (what main reads today)
  T1  bodies of op.*(...) calls whose arguments are literals or known
      sa./sqlmodel./op.f() constructs over literals
  T2  T1 plus `with op.batch_alter_table(...) as b:` blocks of such calls
  T3  T2 plus what issue 9 item 3 names: module constants and assignments,
      if on the dialect name or literals, for over literal lists, helper
      functions defined in the file, get_bind()/connection execute whose
      result is unused, autocommit_block, raise NotImplementedError
  out anything else (ORM sessions, used query results, inspectors,
      application imports, ...), with the first reason

This is a measuring tool of the bench, run by hand; it never runs the files.
"""
import ast
import collections
import json
import os
import re
import sys

KNOWN_ROOTS = ("sqlalchemy", "sqlmodel", "alembic")
STDLIB = set(getattr(sys, "stdlib_module_names", ())) | {"__future__"}
DIALECT_ATTRS = {"name", "dialect"}


def revision_files(top):
    """Every .py under top with a module-level revision assignment and an
    upgrade function, sorted bytewise."""
    out = []
    for d, dirs, files in os.walk(top):
        dirs.sort()
        for f in sorted(files):
            if f.endswith(".py") and f != "__init__.py" and is_revision(os.path.join(d, f)):
                out.append(os.path.join(d, f))
    return sorted(out)


def is_revision(path):
    """A module-level `revision` / `down_revision` assignment."""
    with open(path, "rb") as fh:
        src = fh.read()
    return re.search(rb"^(down_)?revision *[:=]", src, re.M) is not None


class Names:
    """Import bindings of one module: local name -> canonical dotted name."""

    def __init__(self, tree):
        self.map = {}
        self.app_imports = []
        self.third_party = []
        for node in tree.body:
            self.add(node)

    def add(self, node):
        if isinstance(node, ast.Import):
            for a in node.names:
                local = a.asname or a.name.split(".")[0]
                self.map[local] = a.name if a.asname else a.name.split(".")[0]
                self.note(a.name, node)
        elif isinstance(node, ast.ImportFrom):
            mod = ("." * node.level) + (node.module or "")
            for a in node.names:
                self.map[a.asname or a.name] = mod + "." + a.name
            self.note(mod, node)

    def note(self, mod, node):
        root = mod.split(".")[0]
        if mod.startswith(".") or (root not in STDLIB and root not in KNOWN_ROOTS):
            known_3p = root in ("sqlalchemy_utils", "geoalchemy2", "sqlalchemy_json",
                                "sqlalchemy_jsonfield", "oslo_db", "oslo_utils",
                                "sqlalchemy_searchable", "pgvector", "fastapi_users_db_sqlalchemy",
                                "fastapi_users", "sqlalchemy_continuum", "six", "pytz",
                                "dateutil", "passlib", "bcrypt", "alembic_utils")
            (self.third_party if known_3p else self.app_imports).append(
                (mod, node.lineno))

    def canon(self, node):
        """Canonical dotted name of a Name/Attribute chain, or None."""
        parts = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        base = self.map.get(node.id)
        if base is None:
            return None
        return ".".join([base] + list(reversed(parts)))


def short(name):
    """sqlalchemy.dialects.postgresql.UUID -> postgresql.UUID, sqlalchemy.X -> sa.X"""
    for pre, rep in (("sqlalchemy.dialects.", ""), ("sqlalchemy.sql.sqltypes.", "sa."),
                     ("sqlalchemy.types.", "sa."), ("sqlalchemy.sql.expression.", "sa."),
                     ("sqlalchemy.sql.", "sa."), ("sqlalchemy.schema.", "sa."),
                     ("sqlalchemy.", "sa."), ("alembic.op.", "op."),
                     ("alembic.context.", "context.")):
        if name.startswith(pre):
            return rep + name[len(pre):]
    return name


class FileInfo:
    """What one file does; `reasons` are the constructs beyond a tier."""

    def __init__(self, path):
        self.path = path
        self.ops = collections.Counter()       # op.X
        self.op_kw = collections.Counter()     # op.X(kw=)
        self.batch = collections.Counter()     # batch_op.X
        self.batch_kw = collections.Counter()
        self.names = collections.Counter()     # sa./postgresql./sqlmodel. names used
        self.stmts = collections.Counter()     # statement kinds in bodies
        self.module = collections.Counter()    # module-level constructs
        self.app_names = collections.Counter() # names used from application modules
        self.reasons = []                      # (tier, line, what): tier the construct needs
        self.tier = 0
        self.error = None

    def need(self, tier, line, what):
        self.reasons.append((tier, line, what))
        self.tier = max(self.tier, tier)


class Analyzer:
    def __init__(self, info, tree):
        self.i = info
        self.n = Names(tree)
        self.helpers = {}
        self.consts = set()
        self.top(tree)

    # --- module level ---------------------------------------------------------
    def top(self, tree):
        i = self.i
        bodies = {}
        for node in tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                continue
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
                continue
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                tg = node.targets if isinstance(node, ast.Assign) else [node.target]
                names = [t.id for t in tg if isinstance(t, ast.Name)]
                if set(names) <= {"revision", "down_revision", "branch_labels", "depends_on"}:
                    continue
                self.consts.update(names)
                lit = node.value is not None and self.literal(node.value, allow_consts=True)
                if lit:
                    i.module["module constant (literal)"] += 1
                    i.need(3, node.lineno, "module constant")
                else:
                    i.module["module assignment (computed: %s)" % self.kind(node.value)] += 1
                    i.need(4, node.lineno, "module-level computed value (%s)" % self.kind(node.value))
            elif isinstance(node, ast.FunctionDef):
                if node.name in ("upgrade", "downgrade"):
                    bodies[node.name] = node
                else:
                    self.helpers[node.name] = node
            elif isinstance(node, ast.ClassDef):
                i.module["class definition (ORM model / enum)"] += 1
                i.need(4, node.lineno, "class defined in the revision (ORM model or enum)")
            elif isinstance(node, ast.If):
                i.module["module-level if"] += 1
                i.need(4, node.lineno, "module-level if")
            else:
                i.module["module-level %s" % type(node).__name__] += 1
                i.need(4, node.lineno, "module-level %s statement" % type(node).__name__)
        used_names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        for mod, line in self.n.app_imports:
            locals_ = [k for k, v in self.n.map.items() if v == mod or v.startswith(mod + ".")]
            for node in ast.walk(tree):
                if isinstance(node, (ast.Attribute, ast.Name)):
                    c = self.n.canon(node)
                    if c and any(c == self.n.map[k] or c.startswith(self.n.map[k] + ".") for k in locals_) \
                            and not isinstance(getattr(node, "_parent", None), ast.Attribute):
                        i.app_names[c] += 1
            if any(k in used_names for k in locals_):
                i.module["import of application module (used)"] += 1
                i.need(4, line, "import of an application module (%s)" % mod)
            else:
                i.module["import of application module (unused)"] += 1
                i.need(3, line, "unused import of an application module")
        for mod, line in self.n.third_party:
            i.module["import of third-party package %s" % mod.split(".")[0]] += 1
        if "upgrade" not in bodies:
            i.need(4, 1, "no module-level upgrade()")
        for name in ("upgrade", "downgrade"):
            fn = bodies.get(name)
            if fn is None:
                continue
            if fn.args.args or fn.args.vararg or fn.args.kwarg:
                i.need(4, fn.lineno, "%s() takes parameters (multidb template)" % name)
            self.body(fn.body, set(), in_helper=False)
        used = set()
        for fn in bodies.values():
            for n in ast.walk(fn):
                if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in self.helpers:
                    used.add(n.func.id)
        seen = set()
        while used - seen:
            name = sorted(used - seen)[0]
            seen.add(name)
            h = self.helpers[name]
            i.module["helper function called"] += 1
            i.need(3, h.lineno, "helper function")
            if any(isinstance(d, ast.Name) and d.id == "contextmanager" or
                   isinstance(d, ast.Attribute) and d.attr == "contextmanager"
                   for d in h.decorator_list):
                i.need(4, h.lineno, "contextmanager helper")
            self.body(h.body, {a.arg for a in h.args.args}, in_helper=True)
            for n in ast.walk(h):
                if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in self.helpers:
                    used.add(n.func.id)

    # --- bodies ----------------------------------------------------------------
    def body(self, stmts, local, in_helper, batch=None):
        for s in stmts:
            self.stmt(s, local, in_helper, batch)

    def stmt(self, s, local, in_helper, batch):
        i = self.i
        if isinstance(s, ast.Pass):
            i.stmts["pass"] += 1
        elif isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant):
            i.stmts["docstring/bare literal"] += 1
        elif isinstance(s, ast.Expr) and isinstance(s.value, ast.Call):
            self.call_stmt(s.value, local, batch)
        elif isinstance(s, ast.Expr):
            i.stmts["expression (%s)" % type(s.value).__name__] += 1
            i.need(4, s.lineno, "bare expression %s" % type(s.value).__name__)
        elif isinstance(s, ast.With):
            self.with_stmt(s, local, in_helper)
        elif isinstance(s, ast.If):
            self.if_stmt(s, local, in_helper, batch)
        elif isinstance(s, ast.For):
            if self.literal(s.iter, local=local):
                i.stmts["for over literal list"] += 1
                i.need(3, s.lineno, "for over a literal list")
            else:
                i.stmts["for over computed iterable (%s)" % self.kind(s.iter)] += 1
                i.need(4, s.lineno, "for over a computed iterable (%s)" % self.kind(s.iter))
            self.bind_targets(s.target, local)
            self.body(s.body, local, in_helper, batch)
        elif isinstance(s, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            self.assign(s, local)
        elif isinstance(s, ast.Raise):
            txt = ast.unparse(s.exc) if s.exc else ""
            if "NotImplementedError" in txt:
                i.stmts["raise NotImplementedError"] += 1
                i.need(3, s.lineno, "raise NotImplementedError")
            else:
                i.stmts["raise other"] += 1
                i.need(4, s.lineno, "raise %s" % txt[:40])
        elif isinstance(s, ast.Return):
            i.stmts["return"] += 1
            if s.value is not None and not in_helper:
                i.need(4, s.lineno, "return with a value")
            elif s.value is not None and not self.literal(s.value, local=local):
                i.need(4, s.lineno, "helper returns a computed value")
        elif isinstance(s, ast.Try):
            i.stmts["try/except"] += 1
            i.need(4, s.lineno, "try/except")
            for part in (s.body, s.orelse, s.finalbody):
                self.body(part, local, in_helper, batch)
            for h in s.handlers:
                self.body(h.body, local, in_helper, batch)
        elif isinstance(s, (ast.Import, ast.ImportFrom)):
            i.stmts["import inside body"] += 1
            self.n.add(s)
            root = (s.names[0].name if isinstance(s, ast.Import) else (s.module or ".")).split(".")[0]
            if getattr(s, "level", 0) or (root not in STDLIB and root not in KNOWN_ROOTS):
                i.need(4, s.lineno, "import of an application module inside the body")
        elif isinstance(s, ast.FunctionDef):
            i.stmts["nested function"] += 1
            i.need(4, s.lineno, "function defined inside the body")
        elif isinstance(s, ast.Delete):
            i.stmts["del"] += 1
        else:
            i.stmts[type(s).__name__] += 1
            i.need(4, s.lineno, "%s statement" % type(s).__name__)

    def bind_targets(self, t, local):
        for n in ast.walk(t):
            if isinstance(n, ast.Name):
                local.add(n.id)

    def assign(self, s, local):
        i = self.i
        value = s.value
        targets = s.targets if isinstance(s, ast.Assign) else [s.target]
        if value is None:
            return
        if self.is_bind(value):
            i.stmts["bind = op.get_bind()"] += 1
            i.need(3, s.lineno, "bind = op.get_bind()")
        elif self.is_execute(value):
            i.stmts["result = ...execute(...) (result used)"] += 1
            i.need(4, s.lineno, "the result of a query is used")
        elif self.literal(value, local=local):
            i.stmts["assignment of literal/construct"] += 1
            i.need(3, s.lineno, "local assignment")
        else:
            kind = self.kind(value)
            i.stmts["assignment of computed value (%s)" % kind] += 1
            i.need(4, s.lineno, "local assignment of a computed value (%s)" % kind)
        for t in targets:
            self.bind_targets(t, local)

    def with_stmt(self, s, local, in_helper):
        i = self.i
        item = s.items[0]
        ctx = item.context_expr
        name = self.canon_call(ctx)
        if name == "op.batch_alter_table":
            i.stmts["with op.batch_alter_table"] += 1
            self.op_call(ctx, "op")
            i.need(2, s.lineno, "with op.batch_alter_table")
            b = item.optional_vars.id if isinstance(item.optional_vars, ast.Name) else None
            self.body(s.body, local, in_helper, batch=b)
        elif name and name.endswith("autocommit_block"):
            i.stmts["with autocommit_block"] += 1
            i.need(3, s.lineno, "autocommit_block")
            self.body(s.body, local, in_helper)
        else:
            what = name or self.kind(ctx)
            i.stmts["with %s" % what] += 1
            i.need(4, s.lineno, "with %s" % what)
            if item.optional_vars is not None:
                self.bind_targets(item.optional_vars, local)
            self.body(s.body, local, in_helper)

    def if_stmt(self, s, local, in_helper, batch):
        i = self.i
        txt = ast.unparse(s.test)
        if "dialect" in txt or "engine_name" in txt:
            i.stmts["if on dialect name"] += 1
            i.need(3, s.lineno, "if on the dialect name")
        elif self.literal(s.test, local=local):
            i.stmts["if on literal/constant"] += 1
            i.need(3, s.lineno, "if on a literal")
        else:
            i.stmts["if on computed condition"] += 1
            i.need(4, s.lineno, "if on a computed condition (%s)" % txt[:50])
        self.body(s.body, local, in_helper, batch)
        self.body(s.orelse, local, in_helper, batch)

    # --- calls -----------------------------------------------------------------
    def canon_call(self, node):
        """'op.X' / 'batch:X' / canonical known name / None for a call."""
        if not isinstance(node, ast.Call):
            return None
        f = node.func
        c = self.n.canon(f)
        if c is not None:
            return short(c)
        if isinstance(f, ast.Attribute):
            return "?." + f.attr
        if isinstance(f, ast.Name):
            return "local:" + f.id
        return None

    def is_bind(self, v):
        return isinstance(v, ast.Call) and (self.canon_call(v) or "").endswith("get_bind")

    def is_execute(self, v):
        for n in ast.walk(v):
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and \
                    n.func.attr in ("execute", "fetchall", "fetchone", "scalar", "first", "query",
                                    "all", "one", "scalars", "exec_driver_sql"):
                return True
        return False

    def call_stmt(self, call, local, batch):
        i = self.i
        f = call.func
        name = self.canon_call(call)
        if batch and isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == batch:
            i.batch[f.attr] += 1
            for k in call.keywords:
                i.batch_kw["batch_op.%s(%s=)" % (f.attr, k.arg)] += 1
            i.stmts["batch_op call"] += 1
            self.args_literal(call, local, "batch_op." + f.attr)
            return
        if name and name.startswith("op."):
            i.stmts["op.* call"] += 1
            self.op_call(call, "op")
            if name == "op.execute" and self.args_literal(call, local, name, tier=0):
                return
            self.args_literal(call, local, name, tier=1)
            return
        if name and name.startswith("local:") and name[6:] in self.helpers:
            i.stmts["call of a helper defined in the file"] += 1
            self.args_literal(call, local, "helper", tier=3)
            return
        if isinstance(f, ast.Attribute) and f.attr in ("execute", "exec_driver_sql"):
            recv = ast.unparse(f.value)
            i.stmts["%s.execute() (result unused)" % ("get_bind()" if "get_bind" in recv else
                                                     "connection/bind" if recv in local or "conn" in recv or "bind" in recv
                                                     else "session/other")] += 1
            if "session" in recv.lower():
                i.need(4, call.lineno, "ORM session")
            else:
                i.need(3, call.lineno, "get_bind().execute (result unused)")
                self.args_literal(call, local, "execute", tier=3)
            return
        what = name or self.kind(call)
        i.stmts["other call %s" % what.split("(")[0]] += 1
        if "session" in what.lower() or "Session" in what:
            i.need(4, call.lineno, "ORM session")
        elif what.startswith("op.") or what.startswith("context."):
            i.need(3, call.lineno, what)
        else:
            i.need(4, call.lineno, "call of %s" % what)

    def op_call(self, call, kind):
        i = self.i
        name = self.canon_call(call)
        i.ops[name] += 1
        for k in call.keywords:
            i.op_kw["%s(%s=)" % (name, k.arg)] += 1

    def args_literal(self, call, local, what, tier=1):
        """Mark tier by the call's arguments; literal args keep `tier`."""
        args = list(call.args) + [k.value for k in call.keywords]
        if all(self.literal(a, local=set()) for a in args):
            self.i.need(tier, call.lineno, what)
            return True
        if all(self.literal(a, local=local, allow_consts=True) for a in args):
            self.i.need(3, call.lineno, "%s with a constant/variable argument" % what)
            return False
        bad = [a for a in args if not self.literal(a, local=local, allow_consts=True)]
        self.i.need(4, call.lineno, "%s argument: %s" % (what, self.offender(bad[0], local)))
        return False

    def offender(self, e, local):
        """The innermost sub-expression of e that makes it non-literal."""
        subs = []
        if isinstance(e, (ast.List, ast.Tuple, ast.Set)):
            subs = e.elts
        elif isinstance(e, ast.Dict):
            subs = [x for x in e.keys + e.values if x is not None]
        elif isinstance(e, ast.Call):
            c = self.n.canon(e.func)
            if c is not None and c.split(".")[0] in KNOWN_ROOTS and c not in (
                    "alembic.op.get_bind", "alembic.op.get_context"):
                subs = list(e.args) + [k.value for k in e.keywords]
        elif isinstance(e, ast.BinOp):
            subs = [e.left, e.right]
        for x in subs:
            if not self.literal(x, local=local, allow_consts=True):
                return self.offender(x, local)
        k = self.kind(e)
        c = self.n.canon(e.func if isinstance(e, ast.Call) else e) if isinstance(
            e, (ast.Call, ast.Name, ast.Attribute)) else None
        if c and c.split(".")[0] not in KNOWN_ROOTS and c.split(".")[0] not in STDLIB:
            return "a name from another package (%s)" % short(c).split(".")[0]
        return k

    # --- literal expressions ----------------------------------------------------
    def literal(self, e, local=frozenset(), allow_consts=False):
        """Statically evaluable: literals, containers of them, known construct calls."""
        if isinstance(e, ast.Constant):
            return True
        if isinstance(e, (ast.List, ast.Tuple, ast.Set)):
            return all(self.literal(x, local, allow_consts) for x in e.elts)
        if isinstance(e, ast.Dict):
            return all(k is not None and self.literal(k, local, allow_consts) for k in e.keys) and \
                all(self.literal(v, local, allow_consts) for v in e.values)
        if isinstance(e, ast.UnaryOp) and isinstance(e.operand, ast.Constant):
            return True
        if isinstance(e, ast.BinOp) and isinstance(e.op, (ast.Add, ast.Mod)):
            return self.literal(e.left, local, allow_consts) and self.literal(e.right, local, allow_consts)
        if isinstance(e, ast.JoinedStr):
            return all(self.literal(v.value if isinstance(v, ast.FormattedValue) else v, local, allow_consts)
                       for v in e.values)
        if isinstance(e, ast.Name):
            if e.id in local or (allow_consts and e.id in self.consts):
                return allow_consts
            c = self.n.canon(e)
            if c:
                self.i.names[short(c)] += 1
                return c.split(".")[0] in KNOWN_ROOTS
            return e.id in ("True", "False", "None")
        if isinstance(e, ast.Attribute):
            c = self.n.canon(e)
            if c:
                self.i.names[short(c)] += 1
                return c.split(".")[0] in KNOWN_ROOTS
            return False
        if isinstance(e, ast.Call):
            f = e.func
            if isinstance(f, ast.Attribute) and f.attr == "f" and isinstance(f.value, ast.Name) \
                    and f.value.id not in self.n.map:
                self.i.names["batch_op.f"] += 1
                return all(self.literal(a, local, allow_consts) for a in e.args)
            c = self.n.canon(e.func)
            if c is None or c.split(".")[0] not in KNOWN_ROOTS:
                return False
            if c in ("alembic.op.get_bind", "alembic.op.get_context"):
                return False
            self.i.names[short(c)] += 1
            return all(self.literal(a, local, allow_consts) for a in e.args) and \
                all(self.literal(k.value, local, allow_consts) for k in e.keywords)
        if isinstance(e, ast.Starred):
            return self.literal(e.value, local, allow_consts)
        return False

    def kind(self, e):
        if e is None:
            return "nothing"
        if isinstance(e, ast.Call):
            c = self.canon_call(e)
            if c:
                return c + "()"
            return "call " + ast.unparse(e.func)[:30]
        if isinstance(e, ast.Name):
            return "name " + e.id
        if isinstance(e, (ast.ListComp, ast.GeneratorExp, ast.DictComp, ast.SetComp)):
            return "comprehension"
        if isinstance(e, ast.Attribute):
            c = self.n.canon(e)
            return (short(c) if c else "attribute ." + e.attr)
        return type(e).__name__


def analyse(path):
    info = FileInfo(path)
    try:
        with open(path, "rb") as fh:
            src = fh.read()
        tree = ast.parse(src, filename=path)
    except (SyntaxError, ValueError) as e:
        info.error = "syntax error (not Python 3): %s" % getattr(e, "msg", e)
        info.tier = 5
        return info
    for node in ast.walk(tree):
        for ch in ast.iter_child_nodes(node):
            ch._parent = node
    Analyzer(info, tree)
    return info


TIER_NAMES = {0: "T0 op.execute(literal)/pass only", 1: "T1 op.* calls with literal arguments",
              2: "T2 + batch_alter_table blocks", 3: "T3 + constants, dialect ifs, literal loops, helpers, bind.execute, autocommit_block",
              4: "out: beyond the subset", 5: "out: not Python 3"}


def table(counter, title, limit=None, total=None):
    rows = counter.most_common(limit)
    out = ["", "### " + title, "", "| count | files | what |", "| ---: | ---: | --- |"]
    for k, v in rows:
        out.append("| %d | %s | `%s` |" % (v, total.get(k, "") if total else "", k))
    return out


def main():
    top = sys.argv[1]
    js = sys.argv[sys.argv.index("--json") + 1] if "--json" in sys.argv else None
    files = [f for f in revision_files(top)]
    infos = [analyse(f) for f in files]
    n = len(infos)
    hist = collections.Counter(os.path.relpath(x.path, top).split(os.sep)[0] for x in infos)
    agg = {k: collections.Counter() for k in ("ops", "op_kw", "batch", "batch_kw", "names", "stmts", "module", "app_names")}
    files_with = {k: collections.Counter() for k in agg}
    first_out = collections.Counter()
    any_out = collections.Counter()
    for x in infos:
        for k in agg:
            c = getattr(x, k)
            agg[k].update(c)
            files_with[k].update(set(c))
        if x.tier >= 4:
            r = sorted((t, l, w) for t, l, w in x.reasons if t >= 4) or [(5, 0, x.error)]
            first_out[generalise(r[0][2])] += 1
            any_out.update({generalise(w) for t, l, w in r})
    tiers = collections.Counter(x.tier for x in infos)
    out = ["# Constructs in real-world Alembic revision files", "",
           "Generated by `bench/corpus/constructs.py` (Python `ast`, files never run).",
           "", "%d revision files from %d histories." % (n, len(hist)), "",
           "## Tiers (a file is in the lowest tier that covers all of both bodies)", "",
           "| tier | files | share | cumulative |", "| --- | ---: | ---: | ---: |"]
    cum = 0
    for t in range(6):
        cum += tiers[t]
        out.append("| %s | %d | %.1f%% | %.1f%% |" % (TIER_NAMES[t], tiers[t], 100.0 * tiers[t] / max(n, 1),
                                                       100.0 * cum / max(n, 1)))
    out += ["", "## Per history", "", "| history | files | T0 | ≤T1 | ≤T2 | ≤T3 |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for h in sorted(hist):
        xs = [x for x in infos if os.path.relpath(x.path, top).split(os.sep)[0] == h]
        c = [sum(1 for x in xs if x.tier <= t) for t in range(4)]
        out.append("| %s | %d | %d | %d | %d | %d |" % (h, len(xs), *c))
    out += table(first_out, "Why files are out (first construct beyond T3, per file)", 40)
    out += table(any_out, "Constructs beyond T3 (files having each; a file may have several)", 60)
    out += table(agg["ops"], "op.* calls (count, files using)", None, files_with["ops"])
    out += table(agg["op_kw"], "op.* keyword arguments", 80, files_with["op_kw"])
    out += table(agg["batch"], "batch_op.* calls", None, files_with["batch"])
    out += table(agg["batch_kw"], "batch_op.* keyword arguments", 50, files_with["batch_kw"])
    out += table(agg["names"], "sa. / dialect / sqlmodel names in arguments", 150, files_with["names"])
    out += table(agg["stmts"], "Statement kinds in upgrade()/downgrade() and helpers", 60, files_with["stmts"])
    out += table(agg["module"], "Module-level constructs", 40, files_with["module"])
    out += table(agg["app_names"], "Names used from application / other-package modules", 50, files_with["app_names"])
    print("\n".join(out))
    if js:
        with open(js, "w") as fh:
            json.dump([{"path": os.path.relpath(x.path, top), "tier": x.tier, "error": x.error,
                        "reasons": x.reasons} for x in infos], fh, indent=0)


def generalise(w):
    """Group reasons: drop the specific names in parentheses for modules."""
    if w is None:
        return "?"
    if w.startswith("import of an application module ("):
        return "import of an application module"
    return w


if __name__ == "__main__":
    main()

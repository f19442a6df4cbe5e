# tools/pyast/dump.py FILE - prints Python's ast of FILE as tools/pyast/dump.c prints ours.
import ast, sys
EK = {ast.Name:"Name", ast.Attribute:"Attr", ast.Call:"Call", ast.Subscript:"Subscript", ast.Slice:"Slice", ast.Tuple:"Tuple", ast.List:"List", ast.Set:"Set", ast.Dict:"Dict", ast.ListComp:"ListComp", ast.SetComp:"SetComp", ast.DictComp:"DictComp", ast.GeneratorExp:"GenExp", ast.UnaryOp:"Unary", ast.BinOp:"BinOp", ast.BoolOp:"BoolOp", ast.Compare:"Compare", ast.IfExp:"IfExp", ast.Lambda:"Lambda", ast.Starred:"Starred", ast.NamedExpr:"Named", ast.Yield:"Yield", ast.YieldFrom:"Yield", ast.Await:"Await"}
SK = {ast.Expr:"Expr", ast.Assign:"Assign", ast.AugAssign:"AugAssign", ast.AnnAssign:"AnnAssign", ast.Import:"Import", ast.ImportFrom:"From", ast.FunctionDef:"Def", ast.AsyncFunctionDef:"Def", ast.ClassDef:"Class", ast.Return:"Return", ast.Pass:"Pass", ast.Break:"Break", ast.Continue:"Continue", ast.If:"If", ast.For:"For", ast.AsyncFor:"For", ast.While:"While", ast.With:"With", ast.AsyncWith:"With", ast.Raise:"Raise", ast.Try:"Try", ast.Global:"Global", ast.Nonlocal:"Nonlocal", ast.Delete:"Del", ast.Assert:"Assert"}
def const(c):
    v = c.value
    if v is None: return "None"
    if v is True: return "True"
    if v is False: return "False"
    if v is Ellipsis: return "Ellipsis"
    if isinstance(v, int): return "Int"
    if isinstance(v, (float, complex)): return "Float"
    if isinstance(v, str): return "Str"
    return "Bytes"
out = []
def dx(x, d):
    if x is None: return
    if isinstance(x, ast.JoinedStr) or isinstance(x, ast.FormattedValue): return
    if isinstance(x, ast.Constant):
        out.append("%s%s %d:%d" % (" "*d, const(x), x.lineno, x.col_offset+1)); return
    if isinstance(x, ast.UnaryOp) and isinstance(x.op, ast.USub) and isinstance(x.operand, ast.Constant) and False: pass
    out.append("%s%s %d:%d" % (" "*d, EK[type(x)], x.lineno, x.col_offset+1))
    t = type(x)
    if t is ast.Attribute: dx(x.value, d+1)
    elif t is ast.Call:
        dx(x.func, d+1); [dx(a, d+1) for a in x.args]; [dx(k.value, d+1) for k in x.keywords]
    elif t is ast.Subscript: dx(x.value, d+1); dx(x.slice, d+1)
    elif t is ast.Slice: dx(x.lower, d+1); dx(x.upper, d+1); dx(x.step, d+1)
    elif t in (ast.Tuple, ast.List, ast.Set): [dx(a, d+1) for a in x.elts]
    elif t is ast.Dict:
        for k, v in zip(x.keys, x.values): dx(k, d+1); dx(v, d+1)
    elif t in (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp):
        if t is ast.DictComp: dx(x.key, d+1); dx(x.value, d+1)
        else: dx(x.elt, d+1)
        for g in x.generators: dx(g.target, d+1); dx(g.iter, d+1); [dx(i, d+1) for i in g.ifs]
    elif t is ast.UnaryOp: dx(x.operand, d+1)
    elif t is ast.BinOp: dx(x.left, d+1); dx(x.right, d+1)
    elif t is ast.BoolOp: [dx(a, d+1) for a in x.values]
    elif t is ast.Compare: dx(x.left, d+1); [dx(a, d+1) for a in x.comparators]
    elif t is ast.IfExp: dx(x.body, d+1); dx(x.test, d+1); dx(x.orelse, d+1)
    elif t is ast.Lambda: dx(x.body, d+1)
    elif t is ast.Starred: dx(x.value, d+1)
    elif t is ast.NamedExpr: dx(x.value, d+1)
    elif t in (ast.Yield, ast.YieldFrom, ast.Await): dx(x.value, d+1)
def db(b, d):
    for s in b: ds(s, d)
def ds(s, d):
    t = type(s)
    out.append("%s%s %d:%d" % (" "*d, SK[t], s.lineno, s.col_offset+1))
    [dx(x, d+1) for x in getattr(s, 'decorator_list', [])]
    if t is ast.Assign: [dx(x, d+1) for x in s.targets]
    if t is ast.Delete: dx(ast.Tuple(elts=s.targets, lineno=s.targets[0].lineno, col_offset=s.targets[0].col_offset) if len(s.targets) > 1 else s.targets[0], d+1)
    if t is ast.ClassDef: [dx(x, d+1) for x in s.bases]
    if t in (ast.AugAssign, ast.AnnAssign, ast.For, ast.AsyncFor): dx(s.target, d+1)
    if t is ast.AnnAssign: dx(s.annotation, d+1)
    if t in (ast.For, ast.AsyncFor): dx(s.iter, d+1)
    elif t in (ast.Expr, ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Return): dx(s.value, d+1)
    if t is ast.Raise: dx(s.exc, d+1); dx(s.cause, d+1)
    if t is ast.Assert: dx(s.msg, d+1); dx(s.test, d+1)
    if t in (ast.If, ast.While): dx(s.test, d+1)
    if t in (ast.With, ast.AsyncWith):
        for i in s.items: dx(i.context_expr, d+1); dx(i.optional_vars, d+1)
    db(getattr(s, 'body', []), d+1)
    for h in getattr(s, 'handlers', []): db(h.body, d+1)
    db(getattr(s, 'orelse', []), d+1)
    db(getattr(s, 'finalbody', []), d+1)
db(ast.parse(open(sys.argv[1], 'rb').read()).body, 0)
print("\n".join(out))

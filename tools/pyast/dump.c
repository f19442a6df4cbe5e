/*
 * tools/pyast/dump.c - prints the tree src/py parses from a file in the form dump.py
 * prints from Python's ast (kinds and line:col), for tools/pyast/compare.sh.
 */
#include <stdio.h>
#include "base/fs.h"
#include "py/py.h"
#include "py/ast.h"
static const char *ek[] = {"Name","None","True","False","Ellipsis","Int","Float","Str","Bytes","FStr","Field","Attr","Call","Subscript","Slice","Tuple","List","Set","Dict","ListComp","SetComp","DictComp","GenExp","Unary","BinOp","BoolOp","Compare","IfExp","Lambda","Starred","Named","Yield","Await"};
static const char *sk[] = {"Expr","Assign","AugAssign","AnnAssign","Import","From","Def","Class","Return","Pass","Break","Continue","If","For","While","With","Raise","Try","Global","Nonlocal","Del","Assert","Other"};
static void dx(const struct py_expr *x, int d);
static void dv(const struct py_expr *const *v, size_t n, int d) { for (size_t k = 0; k < n; k++) if (v[k]) dx(v[k], d); }
static void dx(const struct py_expr *x, int d)
{
	if (!x) return;
	if (x->kind == PYE_FSTR || x->kind == PYE_FIELD) return; /* f-strings: positions differ by version */
	printf("%*s%s %d:%d\n", d, "", ek[x->kind], x->line, x->col);
	dx(x->a, d + 1); dx(x->b, d + 1); dx(x->c, d + 1);
	if (x->kind == PYE_DICT) { for (size_t k = 0; k < x->n; k++) { if (x->v[k]) dx(x->v[k], d+1); dx(x->w[k], d+1);} }
	else dv(x->v, x->n, d + 1);
	for (size_t k = 0; k < x->n_kw; k++) dx(x->kw[k].value, d + 1);
	for (size_t k = 0; k < x->n_gens; k++) { dx(x->gens[k].target, d+1); dx(x->gens[k].iter, d+1); dv(x->gens[k].ifs, x->gens[k].n_ifs, d+1); }
}
static void db(const struct py_block *b, int d);
static void ds(const struct py_stmt *s, int d)
{
	printf("%*s%s %d:%d\n", d, "", sk[s->kind], s->line, s->col);
	dv(s->decos, s->n_decos, d + 1);
	if (s->kind == PYS_ASSIGN || s->kind == PYS_DEL || s->kind == PYS_CLASS) dv(s->targets, s->n_targets, d + 1);
	dx(s->target, d + 1); dx(s->ann && s->kind == PYS_ANNASSIGN ? s->ann : NULL, d + 1);
	dx(s->value, d + 1); dx(s->test, d + 1);
	for (size_t k = 0; k < s->n_items; k++) { dx(s->items[k].ctx, d + 1); dx(s->items[k].var, d + 1); }
	db(&s->body, d + 1);
	for (size_t k = 0; k < s->n_handlers; k++) db(&s->handlers[k].body, d + 1);
	db(&s->orelse, d + 1); db(&s->finalbody, d + 1);
}
static void db(const struct py_block *b, int d) { for (size_t k = 0; k < b->n; k++) ds(b->v[k], d); }
int main(int argc, char **argv)
{
	struct arena a = ARENA_INIT; struct err e; char *t; size_t n; struct py_module *m;
	(void)argc;
	if (fs_read_file(&a, argv[1], &t, &n, &e) || py_parse_module(&a, argv[1], t, n, &m, &e)) { printf("ERR %s\n", e.msg); return 1; }
	db(&m->body, 0);
	return 0;
}

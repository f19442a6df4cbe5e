/*
 * t_py.c - unit tests for the Python front end (src/py): the tokenizer
 * (tokens, INDENT/DEDENT, numbers, strings), the parser (every statement and
 * expression form, syntax errors with line:col), revision headers, the
 * evaluator (statements, expressions, known names, every refusal) and the
 * env.py reader.
 */
#include <stdio.h>
#include <stdlib.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/fs.h"
#include "py/ast.h"
#include "py/py.h"
#include "unit.h"

static struct arena A;
static struct err E;

static const struct py_module *parse(const char *src)
{
	struct py_module *m = NULL;

	if (py_parse_module(&A, "t.py", src, strlen(src), &m, &E))
		return NULL;
	return m;
}

/* Parses src and expects a syntax error msg at line:col. */
static void syntax_error(const char *src, int line, int col, const char *msg)
{
	struct py_module *m;

	CHECK_INT(py_parse_module(&A, "t.py", src, strlen(src), &m, &E), -1);
	CHECK_INT(E.code, ERR_INPUT);
	CHECK_INT(E.line, line);
	CHECK_INT(E.col, col);
	CHECK_STR(E.msg, msg);
}

static struct py_body BODY;

/* Evaluates fn of src for dialect; returns py_eval_function's result. */
static int eval_d(const char *src, const char *fn, const char *dialect)
{
	const struct py_module *m = parse(src);
	struct py_eval_ctx ctx = {.file = "t.py", .dialect = dialect};

	if (!m)
		return -2;
	return py_eval_function(&A, m, fn, &ctx, &BODY, &E);
}

static int eval(const char *src)
{
	return eval_d(src, "upgrade", "postgresql");
}

static const char *op_at(const struct py_op *ops, size_t n, size_t k)
{
	return k < n ? pyv_describe(&A, ops[k].call) : "(no such op)";
}

static const char *op(size_t k)
{
	return op_at(BODY.ops, BODY.n_ops, k);
}

/* Evaluation of upgrade() fails with msg at line:col. */
static void refused(const char *src, int line, int col, const char *msg)
{
	CHECK_INT(eval(src), -1);
	CHECK_INT(E.code, ERR_INPUT);
	CHECK_INT(E.line, line);
	CHECK_INT(E.col, col);
	CHECK_STR(E.msg, msg);
}

#define HDR "from alembic import op\nimport sqlalchemy as sa\n"

/* ---- lexer ---- */

static void test_lex_tokens(void)
{
	const char *src = "if x:\n    y = 1_000 + 0x1F\n    z = [1,\n  2]\nw = 'a' \\\n  'b'\n";
	struct py_toks t;
	enum py_tok_kind want[] = {
		PYT_NAME,   PYT_NAME,   PYT_OP,     PYT_NEWLINE, PYT_INDENT,  PYT_NAME,   PYT_OP,
		PYT_NUMBER, PYT_OP,     PYT_NUMBER, PYT_NEWLINE, PYT_NAME,    PYT_OP,     PYT_OP,
		PYT_NUMBER, PYT_OP,     PYT_NUMBER, PYT_OP,      PYT_NEWLINE, PYT_DEDENT, PYT_NAME,
		PYT_OP,     PYT_STRING, PYT_STRING, PYT_NEWLINE, PYT_EOF};
	size_t n = sizeof(want) / sizeof(want[0]);

	CHECK_INT(py_lex("t.py", src, strlen(src), &t, &E), 0);
	CHECK_INT(t.n, n);
	for (size_t k = 0; k < n && k < t.n; k++)
		if (t.v[k].kind != want[k])
			CHECK_INT(t.v[k].kind, want[k]);
	if (t.n == n) {
		CHECK_INT(t.v[7].line, 2);
		CHECK_INT(t.v[7].col, 9);
		CHECK_INT(t.v[23].line, 6); /* after a continuation line */
		CHECK_INT(t.v[23].col, 3);
	}
	py_toks_free(&t);
	CHECK_INT(py_lex("t.py", "if x:\n    a\n  b\n", 16, &t, &E), -1);
	CHECK_STR(E.msg, "unindent does not match any outer indentation level");
	CHECK_INT(E.line, 3);
	CHECK_INT(py_lex("t.py", "x = 'abc\n", 9, &t, &E), -1);
	CHECK_STR(E.msg, "unterminated string literal");
	CHECK_INT(E.col, 5);
	CHECK_INT(py_lex("t.py", "x = 1 $ 2\n", 10, &t, &E), -1);
	CHECK_INT(E.col, 7);
}

static void test_lex_numbers_strings(void)
{
	const struct py_module *m = parse(
		"a = 1_000\nb = 0x1F\nc = 0o17\nd = 0b101\ne = 1.5e-3\nf = 10.\ng = b'\\x41\\n'\n"
		"h = r'\\d+' 'x'\ni = '''tri\nple'''\nj = u'\\u20ac'\nk = 12345678901234567890\n");
	const struct py_expr *v[11];

	CHECK(m != NULL);
	if (!m || m->body.n != 11)
		return;
	for (int k = 0; k < 11; k++)
		v[k] = m->body.v[k]->value;
	CHECK_INT(v[0]->i, 1000);
	CHECK_INT(v[1]->i, 31);
	CHECK_INT(v[2]->i, 15);
	CHECK_INT(v[3]->i, 5);
	CHECK_INT(v[4]->kind, PYE_FLOAT);
	CHECK(v[4]->f == 1.5e-3);
	CHECK(v[5]->f == 10.0);
	CHECK_INT(v[6]->kind, PYE_BYTES);
	CHECK_STR(v[6]->s, "A\n");
	CHECK_STR(v[7]->s, "\\d+x");
	CHECK_STR(v[8]->s, "tri\nple");
	CHECK_STR(v[9]->s, "\xe2\x82\xac");
	CHECK(v[10]->is_big);
	syntax_error("x = 1__0\n", 1, 5, "invalid decimal literal");
	syntax_error("x = 'a' b'b'\n", 1, 9, "cannot mix bytes and nonbytes literals");
}

/* ---- parser ---- */

static void test_parse_statements(void)
{
	const char *src = "'''doc'''\nimport a.b as c, d\nfrom .x import (y as z, w,)\n"
			  "x: str = 'v'\na, (b, c) = 1, (2, 3)\nx += 1\n"
			  "@dec\ndef f(p, q=1, *args, k: int = 2, **kw) -> None:\n    return p\n"
			  "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n"
			  "for i in [1, 2]:\n    continue\nelse:\n    pass\n"
			  "with a(1) as b, c as d:\n    pass\nraise X from Y\n"
			  "try:\n    pass\nexcept (E1, E2) as e:\n    pass\nelse:\n    pass\n"
			  "finally:\n    pass\nglobal g1, g2\ndel a, b\nassert x, 'm'\n"
			  "while x:\n    break\nclass C(B, metaclass=M):\n    x = 1\n"
			  "x = y = 3; z = 4\n";
	const struct py_module *m = parse(src);
	enum py_stmt_kind want[] = {PYS_EXPR,   PYS_IMPORT,    PYS_FROM,   PYS_ANNASSIGN,
				    PYS_ASSIGN, PYS_AUGASSIGN, PYS_DEF,    PYS_IF,
				    PYS_FOR,    PYS_WITH,      PYS_RAISE,  PYS_TRY,
				    PYS_GLOBAL, PYS_DEL,       PYS_ASSERT, PYS_WHILE,
				    PYS_CLASS,  PYS_ASSIGN,    PYS_ASSIGN};
	size_t n = sizeof(want) / sizeof(want[0]);
	const struct py_stmt *def, *from;

	CHECK(m != NULL);
	if (!m)
		return;
	CHECK_INT(m->body.n, n);
	for (size_t k = 0; k < n && k < m->body.n; k++)
		if (m->body.v[k]->kind != want[k])
			CHECK_INT(m->body.v[k]->kind, want[k]);
	if (m->body.n != n)
		return;
	from = m->body.v[2];
	CHECK_INT(from->level, 1);
	CHECK_STR(from->s, "x");
	CHECK_INT(from->n_names, 2);
	CHECK_STR(from->names[0].asname, "z");
	def = m->body.v[6];
	CHECK_STR(def->s, "f");
	CHECK_INT(def->line, 8); /* at "def", not at the decorator */
	CHECK_INT(def->n_decos, 1);
	CHECK_INT(def->n_params, 5);
	CHECK_INT(def->params[2].star, 1);
	CHECK_INT(def->params[4].star, 2);
	CHECK(def->params[3].ann != NULL && def->params[3].dflt != NULL);
	CHECK(def->ann && def->ann->kind == PYE_NONE);
	CHECK_INT(m->body.v[7]->orelse.n, 1); /* elif is an if in the else */
	CHECK_INT(m->body.v[9]->n_items, 2);
	CHECK_INT(m->body.v[11]->n_handlers, 1);
	CHECK_STR(m->body.v[11]->handlers[0].name, "e");
	CHECK_INT(m->body.v[17]->n_targets, 2);
	CHECK_INT(m->body.v[17]->line, 38);
	CHECK_INT(m->body.v[18]->col, 12);
}

static void test_parse_expressions(void)
{
	const struct py_module *m = parse(
		"f(a, *b, c=1, **d)\nx.y[1:2, ::3]\n[i for i in r if i for j in s]\n"
		"{k: v for k, v in d}\n{1, 2}\n{**a, 'b': 1}\nnot a or b and c\n"
		"a if b else c\nlambda x, y=1: x\n-x ** 2\na < b <= c != d in e not in f is g "
		"is not h\nf'a{b!r:>{w}}c{{d}}'\n(yield)\n");
	const struct py_expr *x;

	CHECK(m != NULL);
	if (!m || m->body.n != 13) {
		CHECK_INT(m ? m->body.n : 0, 13);
		return;
	}
	x = m->body.v[0]->value;
	CHECK_INT(x->kind, PYE_CALL);
	CHECK_INT(x->n, 2);
	CHECK_INT(x->v[1]->kind, PYE_STARRED);
	CHECK_INT(x->n_kw, 2);
	CHECK(x->kw[1].key == NULL);
	x = m->body.v[1]->value;
	CHECK_INT(x->kind, PYE_SUBSCRIPT);
	CHECK_INT(x->b->kind, PYE_TUPLE);
	CHECK_INT(x->b->v[1]->kind, PYE_SLICE);
	CHECK_INT(m->body.v[2]->value->n_gens, 2);
	CHECK_INT(m->body.v[2]->value->gens[0].n_ifs, 1);
	CHECK_INT(m->body.v[3]->value->kind, PYE_DICTCOMP);
	CHECK_INT(m->body.v[4]->value->kind, PYE_SET);
	CHECK_INT(m->body.v[5]->value->kind, PYE_DICT);
	CHECK(m->body.v[5]->value->v[0] == NULL);
	x = m->body.v[6]->value;
	CHECK_STR(x->s, "or");
	CHECK_INT(x->v[0]->kind, PYE_UNARY);
	CHECK_STR(x->v[1]->s, "and");
	CHECK_INT(m->body.v[7]->value->kind, PYE_IFEXP);
	CHECK_INT(m->body.v[8]->value->kind, PYE_LAMBDA);
	CHECK_INT(m->body.v[8]->value->n_params, 2);
	x = m->body.v[9]->value;
	CHECK_INT(x->kind, PYE_UNARY); /* -(x ** 2) */
	CHECK_STR(x->a->s, "**");
	x = m->body.v[10]->value;
	CHECK_INT(x->kind, PYE_COMPARE);
	CHECK_INT(x->n, 8);
	CHECK_STR(x->ops[4], "not in");
	CHECK_STR(x->ops[6], "is not");
	x = m->body.v[11]->value;
	CHECK_INT(x->kind, PYE_FSTR);
	CHECK_INT(x->n, 3);
	CHECK_INT(x->v[1]->kind, PYE_FIELD);
	CHECK_INT(x->v[1]->conv, 'r');
	CHECK(x->v[1]->b != NULL);
	CHECK_INT(x->v[1]->a->col, 5);
	CHECK_STR(x->v[2]->s, "c{d}");
	CHECK_INT(m->body.v[12]->value->kind, PYE_YIELD);
}

static void test_parse_errors(void)
{
	syntax_error("x = (1,\n", 1, 5, "'(' was never closed");
	syntax_error("  x = 1\n", 1, 3, "unexpected indent");
	syntax_error("if x\n    pass\n", 1, 5, "expected ':'");
	syntax_error("def f():\nreturn 1\n", 2, 1,
		     "expected an indented block after function definition on line 1");
	syntax_error("x = = 1\n", 1, 5, "invalid syntax");
	syntax_error("f() = 1\n", 1, 1, "cannot assign to function call");
	syntax_error("x = '''abc\n", 1, 5, "unterminated triple-quoted string literal");
	syntax_error("x = f'{a'\n", 1, 5, "unterminated string literal");
	syntax_error("x = f'{a\n", 1, 5, "unterminated f-string replacement field");
	syntax_error("x = f'}'\n", 1, 5, "f-string: single '}' is not allowed");
	syntax_error("try:\n    pass\nx = 1\n", 3, 1, "expected 'except' or 'finally' block");
	syntax_error("a if b\n", 1, 7, "expected 'else' after 'if' expression");
	syntax_error("x = 1 +\n", 1, 8, "invalid syntax");
}

static void test_parse_deep(void)
{
	struct buf b = BUF_INIT;

	for (int k = 0; k < 5000; k++)
		buf_addch(&b, '(');
	for (int k = 0; k < 5000; k++)
		buf_addch(&b, ')');
	CHECK_INT(py_parse_module(&A, "t.py", b.ptr, b.len, &(struct py_module *){NULL}, &E), -1);
	CHECK_STR(E.msg, "too many nested parentheses");
	buf_release(&b);
}

/* ---- headers ---- */

static void test_header(void)
{
	const struct py_module *m =
		parse("\"\"\"Doc\n\nRevision ID: a\n\"\"\"\nfrom typing import Union\n"
		      "revision: str = 'a'\ndown_revision: Union[str, None] = ('b', 'c')\n"
		      "branch_labels = None\ndepends_on = 'd' 'e'\n@x\ndef upgrade(): pass\n"
		      "def downgrade(a=1): pass\n");
	struct py_header h;

	CHECK(m != NULL);
	if (!m)
		return;
	CHECK_INT(py_module_header(&A, m, &h, &E), 0);
	CHECK_STR(h.doc, "Doc\n\nRevision ID: a\n");
	CHECK_INT(h.revision.kind, PY_HVAL_STR);
	CHECK_STR(h.revision.items.v[0], "a");
	CHECK_INT(h.down_revision.kind, PY_HVAL_SEQ);
	CHECK_INT(h.down_revision.items.n, 2);
	CHECK_INT(h.down_revision.line, 7);
	CHECK_INT(h.down_revision.col, 35);
	CHECK_INT(h.branch_labels.kind, PY_HVAL_NONE);
	CHECK_STR(h.depends_on.items.v[0], "de");
	CHECK(h.upgrade.present && h.upgrade.is_decorated && !h.upgrade.has_params);
	CHECK(h.downgrade.present && h.downgrade.has_params);
	m = parse("revision = ['a', 1]\n");
	CHECK_INT(py_module_header(&A, m, &h, &E), -1);
	CHECK_STR(E.msg, "revision: only string literals, None, and tuples or lists of strings can "
			 "be read");
	CHECK_INT(E.col, 18);
}

/* Names imported from modules whose str constants are fixed (neutron's plugins'
 * branch labels) are read; other imported names are refused, naming the module. */
static void test_header_imported_names(void)
{
	const struct py_module *m =
		parse("from neutron.db.migration import cli\n"
		      "import neutron_lib.db.constants as dbc\n"
		      "from neutron.db.migration.cli import EXPAND_BRANCH\n"
		      "revision = 'a'\nbranch_labels = (cli.CONTRACT_BRANCH, dbc.EXPAND_BRANCH)\n"
		      "depends_on = EXPAND_BRANCH\n");
	struct py_header h;

	CHECK(m != NULL);
	if (!m)
		return;
	CHECK_INT(py_module_header(&A, m, &h, &E), 0);
	CHECK_INT(h.branch_labels.kind, PY_HVAL_SEQ);
	CHECK_INT(h.branch_labels.items.n, 2);
	CHECK_STR(h.branch_labels.items.v[0], "contract");
	CHECK_STR(h.branch_labels.items.v[1], "expand");
	CHECK_INT(h.depends_on.kind, PY_HVAL_STR);
	CHECK_STR(h.depends_on.items.v[0], "expand");
	/* the application's own module: its values are not known */
	m = parse("from glance.db import migration\nrevision = 'a'\n"
		  "branch_labels = ('ocata01', migration.CONTRACT_BRANCH)\n");
	CHECK_INT(py_module_header(&A, m, &h, &E), -1);
	CHECK_STR(E.msg, "branch_labels: 'glance.db.migration.CONTRACT_BRANCH' comes from the "
			 "module 'glance.db.migration' (imported at line 1), whose values cannot "
			 "be known without Python; write the value as a string literal");
	CHECK_INT(E.line, 3);
	CHECK_INT(E.col, 29);
	/* a known module's unknown name, a relative import, a name never imported */
	m = parse("from neutron.db.migration import cli\nbranch_labels = cli.OTHER\n");
	CHECK_INT(py_module_header(&A, m, &h, &E), -1);
	CHECK(strstr(E.msg, "'neutron.db.migration.cli.OTHER' comes from the module "
			    "'neutron.db.migration.cli'") != NULL);
	m = parse("from . import cli\nbranch_labels = cli.CONTRACT_BRANCH\n");
	CHECK_INT(py_module_header(&A, m, &h, &E), -1);
	CHECK_STR(E.msg, "branch_labels: only string literals, None, and tuples or lists of "
			 "strings can be read");
	m = parse("BRANCH = 'x'\nbranch_labels = BRANCH\n");
	CHECK_INT(py_module_header(&A, m, &h, &E), -1);
	CHECK_STR(E.msg, "branch_labels: only string literals, None, and tuples or lists of "
			 "strings can be read");
}

/* ---- evaluator ---- */

static void test_eval_autogenerated(void)
{
	CHECK_INT(
		eval("from alembic import op\nimport sqlalchemy as sa\nimport sqlmodel\n"
		     "from sqlalchemy.dialects import postgresql\n"
		     "def upgrade() -> None:\n"
		     "    # ### commands auto generated by Alembic - please adjust! ###\n"
		     "    op.create_table('hero',\n"
		     "    sa.Column('id', sa.Integer(), nullable=False),\n"
		     "    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),\n"
		     "    sa.Column('d', postgresql.JSONB(astext_type=sa.Text()), nullable=True),\n"
		     "    sa.PrimaryKeyConstraint('id')\n    )\n"
		     "    op.create_index(op.f('ix_hero_name'), 'hero', ['name'], unique=False)\n"
		     "    # ### end Alembic commands ###\n"),
		0);
	CHECK_INT(BODY.n_ops, 2);
	CHECK_STR(op(0),
		  "alembic.op.create_table('hero', sqlalchemy.Column('id', "
		  "sqlalchemy.Integer(), nullable=False), sqlalchemy.Column('name', "
		  "sqlmodel.sql.sqltypes.AutoString(), nullable=False), sqlalchemy.Column('d', "
		  "sqlalchemy.dialects.postgresql.JSONB(astext_type=sqlalchemy.Text()), "
		  "nullable=True), sqlalchemy.PrimaryKeyConstraint('id'))");
	CHECK_INT(BODY.ops[0].line, 7);
	CHECK_INT(BODY.ops[0].col, 5);
	CHECK_STR(op(1), "alembic.op.create_index(alembic.op.f('ix_hero_name'), 'hero', ['name'], "
			 "unique=False)");
	CHECK(!BODY.irreversible);
}

/* Files real Alembic 1.8.1 autogenerated from tests/fixtures/py/autogen_models.py.txt
 * (SQLModel, SQLite): every body evaluates on both dialects. */
static void test_eval_real_autogenerate(void)
{
	static const struct {
		const char *file;
		size_t n_up, n_down;
		const char *first;
	} files[] = {
		{"tests/fixtures/py/autogen_sqlmodel_init.py", 5, 5,
		 "alembic.op.create_table('team', "
		 "sqlalchemy.Column('id', sqlalchemy.Integer(), nullable=False), sqlalchemy.Column("
		 "'name', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False), "
		 "sqlalchemy.Column('headquarters', sqlmodel.sql.sqltypes.AutoString(), "
		 "nullable=False), sqlalchemy.PrimaryKeyConstraint('id'))"},
		{"tests/fixtures/py/autogen_sqlmodel_second.py", 2, 2,
		 "alembic.op.create_table("
		 "'power', sqlalchemy.Column('id', sqlalchemy.Integer(), nullable=False), "
		 "sqlalchemy.Column('hero_id', sqlmodel.sql.sqltypes.GUID(), nullable=False), "
		 "sqlalchemy.Column('label', sqlmodel.sql.sqltypes.AutoString(length=20), "
		 "nullable=False), sqlalchemy.ForeignKeyConstraint(['hero_id'], ['hero.id']), "
		 "sqlalchemy.PrimaryKeyConstraint('id'))"},
	};

	for (size_t k = 0; k < sizeof(files) / sizeof(files[0]); k++) {
		char *text;
		size_t len;
		CHECK_INT(fs_read_file(&A, files[k].file, &text, &len, &E), 0);
		for (int d = 0; d < 2; d++) {
			const char *dialect = d ? "postgresql" : "sqlite";
			CHECK_INT(eval_d(text, "upgrade", dialect), 0);
			CHECK_INT(BODY.n_ops, files[k].n_up);
			CHECK_STR(op(0), files[k].first);
			CHECK_INT(eval_d(text, "downgrade", dialect), 0);
			CHECK_INT(BODY.n_ops, files[k].n_down);
		}
	}
}

static void test_eval_canonical_names(void)
{
	CHECK_INT(
		eval("from alembic import op\nimport sqlalchemy\nfrom sqlalchemy import Column, "
		     "types\nfrom sqlalchemy.sql import expression as ex, func\n"
		     "from sqlalchemy.dialects.postgresql import UUID as U\n"
		     "from sqlmodel import AutoString, String\nimport sqlmodel.sql.sqltypes\n"
		     "def upgrade():\n    op.add_column('t', Column('a', types.String(), "
		     "server_default=func.now()))\n"
		     "    op.execute(ex.text('x'))\n    op.execute(sqlalchemy.sql.sqltypes.Text())\n"
		     "    op.execute(U(as_uuid=True))\n    op.execute(AutoString())\n"
		     "    op.execute(String(5))\n    op.execute(sqlalchemy.sql.functions.now())\n"
		     "    op.execute(sqlmodel.sql.sqltypes.GUID())\n"),
		0);
	CHECK_STR(op(0), "alembic.op.add_column('t', sqlalchemy.Column('a', sqlalchemy.String(), "
			 "server_default=sqlalchemy.func.now()))");
	CHECK_STR(op(1), "alembic.op.execute(sqlalchemy.text('x'))");
	CHECK_STR(op(2), "alembic.op.execute(sqlalchemy.Text())");
	CHECK_STR(op(3), "alembic.op.execute(sqlalchemy.dialects.postgresql.UUID(as_uuid=True))");
	CHECK_STR(op(4), "alembic.op.execute(sqlmodel.sql.sqltypes.AutoString())");
	CHECK_STR(op(5), "alembic.op.execute(sqlalchemy.String(5))");
	CHECK_STR(op(6), "alembic.op.execute(sqlalchemy.func.now())");
	CHECK_STR(op(7), "alembic.op.execute(sqlmodel.sql.sqltypes.GUID())");
}

static void test_eval_blocks(void)
{
	CHECK_INT(eval(HDR "def upgrade():\n"
			   "    with op.batch_alter_table('t', schema=None) as batch_op:\n"
			   "        batch_op.add_column(sa.Column('x', sa.Integer()))\n"
			   "        batch_op.create_index(batch_op.f('ix'), ['x'])\n"
			   "    with op.get_context().autocommit_block():\n"
			   "        op.execute('VACUUM')\n"),
		  0);
	CHECK_INT(BODY.n_ops, 2);
	CHECK_STR(op(0), "alembic.op.batch_alter_table('t', schema=None)");
	CHECK_INT(BODY.ops[0].n_body, 2);
	CHECK_STR(op_at(BODY.ops[0].body, BODY.ops[0].n_body, 0),
		  "alembic.batch_op.add_column(sqlalchemy.Column('x', sqlalchemy.Integer()))");
	CHECK_STR(op_at(BODY.ops[0].body, BODY.ops[0].n_body, 1),
		  "alembic.batch_op.create_index(alembic.op.f('ix'), ['x'])");
	CHECK_STR(op(1), "alembic.op.autocommit_block()");
	CHECK_STR(op_at(BODY.ops[1].body, BODY.ops[1].n_body, 0), "alembic.op.execute('VACUUM')");
	refused(HDR "def upgrade():\n    with op.batch_alter_table('t') as b:\n        pass\n"
		    "    b.drop_column('x')\n",
		6, 5,
		"batch_op (of the 'with op.batch_alter_table(...)' block at line 4) is used "
		"outside its block");
	refused(HDR "def upgrade():\n    op.batch_alter_table('t')\n", 4, 5,
		"op.batch_alter_table(...) is only usable as 'with op.batch_alter_table(...) as "
		"batch_op:'");
	refused(HDR "def upgrade():\n    with sa.X('f') as f:\n        pass\n", 4, 5,
		"a 'with' block over sqlalchemy.X('f') cannot be evaluated without Python (only "
		"op.batch_alter_table(...) and op.get_context().autocommit_block() are known)");
}

static void test_eval_dialect_conditionals(void)
{
	const char *src = HDR "from alembic import context\n"
			      "def upgrade():\n"
			      "    bind = op.get_bind()\n"
			      "    if bind.dialect.name == 'postgresql':\n"
			      "        op.execute('pg')\n"
			      "    elif op.get_context().dialect.name in ('mysql', 'mariadb'):\n"
			      "        op.execute('my')\n"
			      "    else:\n"
			      "        op.execute('other')\n"
			      "    if context.get_context().dialect.name != 'sqlite' and "
			      "bind.engine.name:\n"
			      "        op.execute('not sqlite')\n";

	CHECK_INT(eval_d(src, "upgrade", "postgresql"), 0);
	CHECK_INT(BODY.n_ops, 2);
	CHECK_STR(op(0), "alembic.op.execute('pg')");
	CHECK_STR(op(1), "alembic.op.execute('not sqlite')");
	CHECK_INT(eval_d(src, "upgrade", "mariadb"), 0);
	CHECK_STR(op(0), "alembic.op.execute('my')");
	CHECK_INT(eval_d(src, "upgrade", "sqlite"), 0);
	CHECK_INT(BODY.n_ops, 1);
	CHECK_STR(op(0), "alembic.op.execute('other')");
}

/* bind.dialect.dialect_description is the URL's "<dialect>+<driver>" the runtime
 * passes (SQLAlchemy's own attribute); without one it is refused. */
static void test_eval_dialect_description(void)
{
	const char *src =
		HDR "def upgrade():\n"
		    "    engine = op.get_bind()\n"
		    "    if engine.dialect.dialect_description.startswith('mysql'):\n"
		    "        engine.execute('SET FOREIGN_KEY_CHECKS=0')\n"
		    "    if engine.dialect.dialect_description == 'postgresql+psycopg2':\n"
		    "        op.drop_constraint('fk', 't', 'foreignkey')\n"
		    "    op.execute(op.get_context().dialect.dialect_description)\n";
	const struct py_module *m = parse(src);
	struct py_eval_ctx ctx = {.file = "t.py",
				  .dialect = "postgresql",
				  .dialect_description = "postgresql+psycopg2"};

	CHECK(m != NULL);
	if (!m)
		return;
	CHECK_INT(py_eval_function(&A, m, "upgrade", &ctx, &BODY, &E), 0);
	CHECK_INT(BODY.n_ops, 2);
	CHECK_STR(op(0), "alembic.op.drop_constraint('fk', 't', 'foreignkey')");
	CHECK_STR(op(1), "alembic.op.execute('postgresql+psycopg2')");
	ctx.dialect_description = "postgresql+pg8000";
	CHECK_INT(py_eval_function(&A, m, "upgrade", &ctx, &BODY, &E), 0);
	CHECK_INT(BODY.n_ops, 1);
	CHECK_STR(op(0), "alembic.op.execute('postgresql+pg8000')");
	ctx.dialect = "mysql";
	ctx.dialect_description = "mysql+mysqldb";
	CHECK_INT(py_eval_function(&A, m, "upgrade", &ctx, &BODY, &E), 0);
	CHECK_STR(op(0), "alembic.bind.execute('SET FOREIGN_KEY_CHECKS=0')");
	CHECK_INT(eval(src), -1);
	CHECK_STR(E.msg, "dialect.dialect_description is only known with the database URL; it "
			 "cannot be evaluated here");
}

/* warnings.catch_warnings() blocks run their body as it stands; the filters
 * set in them change nothing that runs; record=True and warnings.warn need Python. */
static void test_eval_warnings(void)
{
	CHECK_INT(eval(HDR
		       "import warnings\ndef upgrade():\n"
		       "    with warnings.catch_warnings():\n"
		       "        warnings.simplefilter('ignore')\n"
		       "        op.add_column('t', sa.Column('c', sa.Integer()))\n"
		       "    with warnings.catch_warnings() as w, op.batch_alter_table('t') as b:\n"
		       "        warnings.filterwarnings('ignore', message='.*')\n"
		       "        b.drop_column('d')\n"
		       "    op.execute('x' if w is None else 'y')\n"),
		  0);
	CHECK_INT(BODY.n_ops, 3);
	CHECK_STR(op(0),
		  "alembic.op.add_column('t', sqlalchemy.Column('c', sqlalchemy.Integer()))");
	CHECK_STR(op(1), "alembic.op.batch_alter_table('t')");
	CHECK_STR(op(2), "alembic.op.execute('x')");
	CHECK_INT(eval(HDR "import warnings\ndef upgrade():\n"
			   "    with warnings.catch_warnings(record=True) as w:\n        pass\n"),
		  -1);
	CHECK_STR(E.msg,
		  "warnings.catch_warnings(record=True) collects Python's warnings; it cannot be "
		  "evaluated without Python");
	CHECK_INT(eval(HDR "import warnings\ndef upgrade():\n    warnings.catch_warnings()\n"), -1);
	CHECK_STR(E.msg,
		  "warnings.catch_warnings() is only known as 'with warnings.catch_warnings():'");
	CHECK_INT(eval(HDR "import warnings\ndef upgrade():\n    warnings.warn('x')\n"), -1);
	CHECK_STR(E.msg, "warnings.warn (Python's warnings) cannot be evaluated without Python");
}

static void test_eval_sets(void)
{
	CHECK_INT(eval(HDR
		       "def upgrade():\n"
		       "    have = {c for c in ['a', 'b', 'a'] if c}\n"
		       "    s = set(['x', 'y']) | set() if False else set(('x', 'y'))\n"
		       "    if 'c' not in have and len(have) == 2 and have == {'b', 'a'} and s:\n"
		       "        op.add_column('t', sa.Column('c', sa.Integer()))\n"
		       "    for name in sorted({'z', 'y', 'z'}):\n"
		       "        op.drop_column('t', name)\n"
		       "    op.execute(str(max(have)) + str(1 in {1.0, True}))\n"),
		  0);
	CHECK_INT(BODY.n_ops, 4);
	CHECK_STR(op(0),
		  "alembic.op.add_column('t', sqlalchemy.Column('c', sqlalchemy.Integer()))");
	CHECK_STR(op(1), "alembic.op.drop_column('t', 'y')");
	CHECK_STR(op(2), "alembic.op.drop_column('t', 'z')");
	CHECK_STR(op(3), "alembic.op.execute('bTrue')");
	CHECK_INT(
		eval(HDR
		     "def upgrade():\n    for c in {'a', 'b'}:\n        op.drop_column('t', c)\n"),
		-1);
	CHECK_STR(E.msg, "iterating over a set cannot be evaluated without Python (its order is "
			 "Python's hash order; sorted(...) of it can)");
	CHECK_INT(eval(HDR "def upgrade():\n    s = {'a'} - {'b'}\n"), -1);
	CHECK_STR(E.msg, "the operator - on a set cannot be evaluated without Python");
	CHECK_INT(eval(HDR "def upgrade():\n    s = {['a']}\n"), -1);
	CHECK_STR(E.msg, "TypeError: unhashable type: 'list'");
	CHECK_INT(eval(HDR "def upgrade():\n    s = {sa.Column('a')}\n"), -1);
	CHECK_STR(E.msg, "a set holding sqlalchemy.Column('a') cannot be evaluated without Python");
	CHECK_INT(eval(HDR "def upgrade():\n    s = set()\n    s.add('a')\n"), -1);
	CHECK_STR(E.msg, "set.add() cannot be evaluated without Python");
	CHECK_INT(eval(HDR "def upgrade():\n    op.execute(repr({'a'}))\n"), -1);
}

static void test_eval_helpers_loops(void)
{
	CHECK_INT(
		eval(HDR
		     "TABLES = ['a', 'b']\nPREFIX: str = 'ix_'\n"
		     "def col(name, nullable=True):\n"
		     "    return sa.Column(name, sa.String(50), nullable=nullable)\n"
		     "def fact(n):\n    if n <= 1:\n        return 1\n    return n * fact(n - 1)\n"
		     "def upgrade():\n"
		     "    for t in TABLES:\n"
		     "        op.add_column(t, col(t + '_x', nullable=False))\n"
		     "    for i, (k, v) in enumerate(zip(['p', 'q'], range(2))):\n"
		     "        op.create_index(f'{PREFIX}{k}_{i}{v}', k, [k])\n"
		     "    n = fact(5)\n    n += 1\n"
		     "    op.execute('SELECT %d, %s' % (n, 'x') + ' {} {name}'.format(1, "
		     "name='y'))\n"
		     "    rows = [{'id': i, 'n': str(i)} for i in range(2) if i >= 0]\n"
		     "    op.bulk_insert(sa.table('t', sa.column('id')), rows)\n"
		     "    op.execute(json.dumps({'a': [1, True, None]}))\n"
		     "import json\n"),
		0);
	CHECK_INT(BODY.n_ops, 7);
	CHECK_STR(op(0),
		  "alembic.op.add_column('a', sqlalchemy.Column('a_x', sqlalchemy.String(50), "
		  "nullable=False))");
	CHECK_STR(op(1),
		  "alembic.op.add_column('b', sqlalchemy.Column('b_x', sqlalchemy.String(50), "
		  "nullable=False))");
	CHECK_STR(op(2), "alembic.op.create_index('ix_p_00', 'p', ['p'])");
	CHECK_STR(op(3), "alembic.op.create_index('ix_q_11', 'q', ['q'])");
	CHECK_STR(op(4), "alembic.op.execute('SELECT 121, x 1 y')");
	CHECK_STR(op(5), "alembic.op.bulk_insert(sqlalchemy.table('t', sqlalchemy.column('id')), "
			 "[{'id': 0, 'n': '0'}, {'id': 1, 'n': '1'}])");
	CHECK_STR(op(6), "alembic.op.execute('{\"a\": [1, true, null]}')");
	refused(HDR "def f(n):\n    return f(n)\ndef upgrade():\n    f(1)\n", 4, 12,
		"maximum recursion depth exceeded");
	refused(HDR "def upgrade():\n    x = 0\n    while x < 3:\n        x += 1\n", 5, 5,
		"a while loop cannot be evaluated without Python (write the statements out, or "
		"loop over a literal list)");
	refused(HDR "def f(a):\n    pass\ndef upgrade():\n    f(1, b=2)\n", 6, 5,
		"f() got an unexpected keyword argument 'b'");
	refused(HDR "def f(a):\n    pass\ndef upgrade():\n    f()\n", 6, 5,
		"f() missing required argument: 'a'");
}

static void test_eval_sql_expressions(void)
{
	CHECK_INT(eval(HDR
		       "def upgrade():\n"
		       "    t = sa.table('u', sa.column('id', sa.Integer), sa.column('n'))\n"
		       "    op.execute(t.update().where(t.c.id == 1).values(n='x'))\n"
		       "    op.execute(t.delete().where(~(t.c.n != None) & t.c.id.in_([1, 2])))\n"
		       "    op.execute(t.insert().values({'id': 1}))\n"
		       "    op.create_index('i', 'u', [sa.text('lower(n)'), t.c.n.desc()])\n"
		       "    op.execute(t.c['n'] + -t.c.id)\n"),
		  0);
	CHECK_STR(op(0), "alembic.op.execute(sqlalchemy.table('u', sqlalchemy.column('id', "
			 "sqlalchemy.Integer), sqlalchemy.column('n')).update().where(operator.eq("
			 "sqlalchemy.table('u', sqlalchemy.column('id', sqlalchemy.Integer), "
			 "sqlalchemy.column('n')).c.id, 1)).values(n='x'))");
	CHECK(strstr(op(1), "where(operator.and_(operator.invert(operator.ne(") != NULL);
	CHECK(strstr(op(1), ".c.id.in_([1, 2])") != NULL);
	CHECK(strstr(op(3), ".c.n.desc()]") != NULL);
	CHECK(strstr(op(4), "operator.add(operator.getitem(") != NULL);
	CHECK(strstr(op(4), "operator.neg(") != NULL);
	refused(HDR "def upgrade():\n    t = sa.table('u')\n    if t.c.x:\n        pass\n", 5, 8,
		"the truth value of sqlalchemy.table('u').c.x is not known without a database (it "
		"cannot be evaluated without Python)");
}

static void test_eval_bind_execute(void)
{
	CHECK_INT(eval(HDR "def upgrade():\n    bind = op.get_bind()\n"
			   "    bind.execute(sa.text('UPDATE a SET b = 1'))\n"
			   "    connection = op.get_bind()\n    res = connection.execute('x')\n"
			   "    op.get_bind().execute(sa.text('y'))\n"),
		  0);
	CHECK_INT(BODY.n_ops, 3);
	CHECK_STR(op(0), "alembic.bind.execute(sqlalchemy.text('UPDATE a SET b = 1'))");
	CHECK_STR(op(2), "alembic.bind.execute(sqlalchemy.text('y'))");
	refused(HDR "def upgrade():\n    bind = op.get_bind()\n"
		    "    rows = bind.execute(sa.text('SELECT 1')).fetchall()\n",
		5, 12,
		"a query whose result is used (bind.execute(...).fetchall()) cannot run without "
		"Python");
	refused(HDR "def upgrade():\n    conn = op.get_bind()\n"
		    "    for row in conn.execute('SELECT 1'):\n        pass\n",
		5, 16,
		"a loop over a query's result (for row in bind.execute(...)) cannot run without "
		"Python");
	refused(HDR "def upgrade():\n    s = sa.orm.Session(bind=op.get_bind())\n", 4, 9,
		"the ORM (sa.orm.Session) cannot run without Python");
	refused(HDR "def upgrade():\n    insp = sa.inspect(op.get_bind())\n", 4, 12,
		"inspecting the database (sa.inspect) needs the live database; it is only "
		"answered while a migration runs");
	refused(HDR "def upgrade():\n    v = op.get_bind().dialect.server_version_info\n", 4, 9,
		"bind.dialect.server_version_info is only known with a database connection; it "
		"cannot be evaluated without Python");
}

static void test_eval_imports(void)
{
	refused(HDR "from app.models import User\nimport os\n"
		    "def upgrade():\n    op.execute(User.__table__)\n",
		6, 16,
		"the application's module 'app.models' (imported at line 3) cannot be imported "
		"without Python");
	refused(HDR "from geoalchemy2 import Geometry\n"
		    "def upgrade():\n    op.add_column('t', sa.Column('u', Geometry()))\n",
		5, 39,
		"the package 'geoalchemy2' (imported at line 3) cannot be imported without "
		"Python");
	/* the few third-party names known (Debian 12's oslo.db and neutron-lib) */
	CHECK_INT(eval(HDR "from oslo_db.sqlalchemy.types import String\n"
			   "from neutron_lib.db import constants as db_const\n"
			   "def upgrade():\n"
			   "    op.add_column('t', sa.Column('u', String(db_const.UUID_FIELD_SIZE, "
			   "mysql_ndb_type=sa.TEXT)))\n"),
		  0);
	CHECK_STR(op(0),
		  "alembic.op.add_column('t', sqlalchemy.Column('u', sqlalchemy.String(36)))");
	refused(HDR "from oslo_db.sqlalchemy.types import String\n"
		    "def upgrade():\n    op.add_column('t', sa.Column('u', String()))\n",
		5, 39, "TypeError: __init__() missing 1 required positional argument: 'length'");
	refused(HDR
		"from neutron_lib.db import constants\n"
		"def upgrade():\n    op.add_column('t', sa.Column('u', sa.String(constants.X)))\n",
		5, 49, "AttributeError: module 'neutron_lib.db.constants' has no attribute 'X'");
	refused(HDR
		"from oslo_db.sqlalchemy import types\n"
		"def upgrade():\n    op.add_column('t', sa.Column('u', types.JsonEncodedDict()))\n",
		5, 39,
		"oslo_db.sqlalchemy.types.JsonEncodedDict (a type of oslo.db's) cannot be evaluated "
		"without Python");
	refused(HDR "from oslo_db.sqlalchemy import utils\n"
		    "def upgrade():\n    utils.drop_it()\n",
		5, 5,
		"the package 'oslo_db.sqlalchemy' (imported at line 3) cannot be imported without "
		"Python");
	CHECK_INT(
		eval_d(HDR
		       "from sqlalchemy_utils import UUIDType\n"
		       "def upgrade():\n    op.add_column('t', sa.Column('u', UUIDType(binary=False)))\n",
		       "upgrade", "postgresql"),
		0);
	CHECK_STR(op(0), "alembic.op.add_column('t', sqlalchemy.Column('u', "
			 "sqlalchemy.dialects.postgresql.UUID()))");
	CHECK_INT(
		eval_d(HDR
		       "from sqlalchemy_utils import UUIDType\n"
		       "def upgrade():\n    op.add_column('t', sa.Column('u', UUIDType(binary=False)))\n",
		       "upgrade", "sqlite"),
		0);
	CHECK_STR(op(0), "alembic.op.add_column('t', sqlalchemy.Column('u', sqlalchemy.CHAR(32)))");
	refused(HDR
		"import sqlalchemy_utils\n"
		"def upgrade():\n    op.add_column('t', sa.Column('u', sqlalchemy_utils.UUIDType(bin=1)))\n",
		5, 39, "TypeError: __init__() got an unexpected keyword argument 'bin'");
	refused(HDR
		"import sqlalchemy_utils\n"
		"def upgrade():\n    op.add_column('t', sa.Column('u', sqlalchemy_utils.JSONType()))\n",
		5, 39,
		"sqlalchemy_utils.JSONType (SQLAlchemy-Utils') cannot be evaluated without Python");
	/* an unused application import is fine */
	CHECK_INT(eval(HDR "from app.models import User\nfrom . import helpers\n"
			   "def upgrade():\n    pass\n"),
		  0);
	refused(HDR "import logging\nlog = logging.getLogger(__name__)\n"
		    "def upgrade():\n    log.info('x')\n",
		6, 5,
		"the Python module 'logging' (imported at line 3) cannot be imported without "
		"Python");
	refused(HDR "def upgrade():\n    op.frobnicate('t')\n", 4, 5,
		"op.frobnicate is not an operation Alembic 1.8.1 has");
	refused(HDR "def upgrade():\n    op.add_column('t', Foo())\n", 4, 24,
		"name 'Foo' is not defined");
	refused(HDR "def upgrade():\n    print('hi')\n", 4, 5,
		"print() cannot run natively (Alembic would print to stdout); remove it");
	refused(HDR "import enum\nclass E(enum.Enum):\n    a = 1\n"
		    "def upgrade():\n    op.execute(E.a)\n",
		7, 16, "the class 'E' (defined at line 4) cannot be used without Python");
	refused(HDR "op.create_table('x')\ndef upgrade():\n    pass\n", 3, 1,
		"Can't invoke function 'create_table', as the proxy object has not yet been "
		"established for the Alembic 'Operations' class.  Try placing this code inside a "
		"callable.");
}

static void test_eval_irreversible(void)
{
	const char *src = HDR "def upgrade():\n    op.execute('x')\n"
			      "def downgrade():\n    if True:\n        raise NotImplementedError("
			      "'no way back')\n    op.execute('never')\n";

	CHECK_INT(eval_d(src, "downgrade", "sqlite"), 0);
	CHECK(BODY.irreversible);
	CHECK_STR(BODY.irreversible_msg, "downgrade() raises NotImplementedError('no way back')");
	CHECK_INT(BODY.irreversible_line, 7);
	CHECK_INT(eval_d(src, "upgrade", "sqlite"), 0);
	CHECK(!BODY.irreversible);
	CHECK_INT(BODY.n_ops, 1);
	/* a missing function is an empty body */
	CHECK_INT(eval_d(HDR, "downgrade", "sqlite"), 0);
	CHECK_INT(BODY.n_ops, 0);
	refused(HDR "def upgrade():\n    try:\n        op.execute('x')\n    except Exception:\n"
		    "        pass\n",
		6, 5,
		"a try/except block cannot run without Python (whether its handler runs depends on "
		"errors only the database reports; only a handler that logs and raises again is "
		"known)");
	/* an exception class of the application's: the direction raises all the same */
	CHECK_INT(eval_d(HDR
			 "from app import exceptions\ndef upgrade():\n    pass\n"
			 "def downgrade():\n    raise exceptions.DowngradeNotSupported('no', 1)\n",
			 "downgrade", "sqlite"),
		  0);
	CHECK(BODY.irreversible);
	CHECK_STR(BODY.irreversible_msg, "downgrade() raises exceptions.DowngradeNotSupported(...) "
					 "(not known without Python)");
	CHECK_INT(BODY.irreversible_line, 7);
	/* ... but not when making it calls something */
	refused(HDR "from app import exceptions\ndef upgrade():\n"
		    "    raise exceptions.Failed(op.execute('x'))\n",
		5, 11,
		"the application's module 'app' (imported at line 3) cannot be imported without "
		"Python");
}

/* try blocks whose handlers only log and raise again: the body alone runs. */
static void test_eval_try_reraise(void)
{
	CHECK_INT(eval(HDR "import logging\nLOG = logging.getLogger(__name__)\n"
			   "def upgrade():\n    try:\n        op.execute('a')\n"
			   "    except Exception as e:\n        LOG.error('failed: %s', str(e))\n"
			   "        print('x')\n        raise\n    else:\n        op.execute('b')\n"
			   "    finally:\n        op.execute('c')\n"
			   "    for n in ['d', 'e']:\n        try:\n            break\n"
			   "        finally:\n            op.execute(n)\n"),
		  0);
	CHECK_INT(BODY.n_ops, 4);
	CHECK_STR(op(0), "alembic.op.execute('a')");
	CHECK_STR(op(1), "alembic.op.execute('b')");
	CHECK_STR(op(2), "alembic.op.execute('c')");
	CHECK_STR(op(3), "alembic.op.execute('d')");
	/* a handler that does more than log would run after the database's error */
	refused(HDR "def upgrade():\n    try:\n        op.execute('a')\n    except Exception:\n"
		    "        op.execute('undo')\n        raise\n",
		6, 5,
		"a try/except block cannot run without Python (whether its handler runs depends on "
		"errors only the database reports; only a handler that logs and raises again is "
		"known)");
	refused(HDR "def upgrade():\n    try:\n        op.execute('a')\n    except Exception:\n"
		    "        LOG.error(op.execute('b'))\n        raise\n",
		6, 5,
		"a try/except block cannot run without Python (whether its handler runs depends on "
		"errors only the database reports; only a handler that logs and raises again is "
		"known)");
}

static void test_eval_literals(void)
{
	CHECK_INT(eval(HDR
		       "A = (1, 2) + (3,)\nB = {'k': [1, 2]}\nC = 'x' * 3\n"
		       "def upgrade():\n"
		       "    op.execute(str(len(A)) + C + str(B['k'][-1]) + str(7 // 2) + "
		       "str(-7 % 3) + str(2 ** 10) + str(1 / 4) + str(B.get('z', 'd')))\n"
		       "    op.execute(' a '.strip().upper() + ','.join(['p', 'q']) + "
		       "'abc'.replace('b', 'B'))\n"
		       "    op.execute(str(1 < 2 < 3) + str('a' in 'cat') + str(None is None) + "
		       "str(3 if 0 else 4) + str(not []))\n"
		       "    op.execute(repr('it\\'s') + str(sorted([3, 1, 2])) + str(max(4, 9)))\n"
		       "    op.execute(f\"{A!r}-{1.5}-{True}\")\n"),
		  0);
	CHECK_STR(op(0), "alembic.op.execute('3xxx23210240.25d')");
	CHECK_STR(op(1), "alembic.op.execute('Ap,qaBc')");
	CHECK_STR(op(2), "alembic.op.execute('TrueTrueTrue4True')");
	CHECK_STR(op(3), "alembic.op.execute('\"it\\'s\"[1, 2, 3]9')");
	CHECK_STR(op(4), "alembic.op.execute('(1, 2, 3)-1.5-True')");
	refused(HDR "def upgrade():\n    op.execute('a' + 1)\n", 4, 16,
		"TypeError: unsupported operand type(s) for +: 'str' and 'int'");
	refused(HDR "def upgrade():\n    op.execute(1 // 0)\n", 4, 16,
		"ZeroDivisionError: division by zero");
	refused(HDR "def upgrade():\n    op.execute({1, 2})\n", 4, 16,
		"a set given to an operation cannot be evaluated without Python (its order is "
		"Python's hash order)");
	CHECK_INT(eval(HDR "def upgrade():\n    f = lambda n, m=2: sa.Column(n, sa.String(m))\n"
			   "    op.add_column('t', f('c'))\n"),
		  0);
	CHECK_STR(op(0),
		  "alembic.op.add_column('t', sqlalchemy.Column('c', sqlalchemy.String(2)))");
	refused(HDR "def upgrade():\n    op.execute(f'{1:>4}')\n", 4, 16,
		"an f-string with a format specification cannot be evaluated without Python");
}

static void test_eval_x_arguments(void)
{
	const struct py_module *m = parse(
		HDR "from alembic import context\ndef upgrade():\n"
		    "    args = context.get_x_argument(as_dictionary=True)\n"
		    "    if args.get('data', 'false') == 'true':\n        op.execute('seed')\n"
		    "    if context.is_offline_mode():\n        op.execute('offline')\n"
		    "    op.execute(context.get_x_argument()[0])\n");
	const char *const xs[] = {"data=true", "k=v=w"};
	struct py_eval_ctx ctx = {
		.file = "t.py", .dialect = "sqlite", .as_sql = true, .x_args = xs, .n_x_args = 2};

	CHECK(m != NULL);
	CHECK_INT(py_eval_function(&A, m, "upgrade", &ctx, &BODY, &E), 0);
	CHECK_INT(BODY.n_ops, 3);
	CHECK_STR(op(0), "alembic.op.execute('seed')");
	CHECK_STR(op(1), "alembic.op.execute('offline')");
	CHECK_STR(op(2), "alembic.op.execute('data=true')");
}

/* ---- env.py ---- */

static const char *test_getenv(void *ctx, const char *name)
{
	(void)ctx;
	return !strcmp(name, "POSTGRES_URL") ? "postgresql://u@h/db" : NULL;
}

static const char *test_main_option(void *ctx, const char *key)
{
	(void)ctx;
	return !strcmp(key, "sqlalchemy.url") ? "sqlite:///ini.db" : NULL;
}

static void test_env_read(void)
{
	const struct py_module *m = parse(
		"from logging.config import fileConfig\nimport os\nfrom alembic import context\n"
		"from sqlmodel import SQLModel\nfrom src.module.profile.model.profile_model import "
		"Profile\nconfig = context.config\nif config.config_file_name is not None:\n"
		"    fileConfig(config.config_file_name)\ntarget_metadata = SQLModel.metadata\n"
		"config.set_main_option('sqlalchemy.url', os.getenv('POSTGRES_URL'))\n"
		"config.set_main_option('a', os.getenv('MISSING', 'dflt') + '/x')\n"
		"config.set_main_option('b', os.environ['MISSING'])\n"
		"config.set_section_option('s', 'c', f\"{os.environ.get('POSTGRES_URL')}?x=1\")\n"
		"config.set_main_option('d', get_url())\n"
		"config.set_main_option('e', 'tenant_%s' % context.get_x_argument("
		"as_dictionary=True).get('t'))\n"
		"def run_migrations_offline():\n    url = config.get_main_option('sqlalchemy.url')\n"
		"    context.configure(url=url, target_metadata=target_metadata, "
		"literal_binds=True)\n"
		"def run_migrations_online():\n    with connectable.connect() as connection:\n"
		"        context.configure(connection=connection, version_table='ver', "
		"render_as_batch=True)\n"
		"if context.is_offline_mode():\n    run_migrations_offline()\nelse:\n"
		"    run_migrations_online()\n");
	const char *const xs[] = {"t=acme"};
	struct py_env_in in = {"env.py", test_getenv, NULL, test_main_option, NULL, xs, 1};
	struct py_env_out o;

	CHECK(m != NULL);
	if (!m)
		return;
	CHECK_INT(py_env_read(&A, m, &in, &o, &E), 0);
	CHECK_INT(o.n_settings, 6);
	if (o.n_settings == 6) {
		CHECK_STR(o.settings[0].key, "sqlalchemy.url");
		CHECK_INT(o.settings[0].kind, PY_ENV_VALUE);
		CHECK_STR(o.settings[0].value, "postgresql://u@h/db");
		CHECK_INT(o.settings[0].line, 10);
		CHECK_STR(o.settings[1].value, "dflt/x");
		CHECK_INT(o.settings[2].kind, PY_ENV_UNSET);
		CHECK_STR(o.settings[2].var, "MISSING");
		CHECK_STR(o.settings[3].section, "s");
		CHECK_STR(o.settings[3].value, "postgresql://u@h/db?x=1");
		CHECK_INT(o.settings[4].kind, PY_ENV_UNREADABLE);
		CHECK_STR(o.settings[4].why, "name 'get_url' is not defined");
		CHECK_STR(o.settings[5].value, "tenant_acme");
	}
	CHECK_STR(o.target_metadata, "SQLModel.metadata");
	CHECK_INT(o.target_metadata_line, 9);
	CHECK_INT(o.n_configure, 2);
	if (o.n_configure == 2) {
		CHECK_STR(o.configure[0].function, "run_migrations_offline");
		CHECK_STR(o.configure[0].kw[0].key, "url");
		CHECK_STR(pyv_describe(&A, o.configure[0].kw[0].value), "'postgresql://u@h/db'");
		CHECK(o.configure[0].kw[1].value == NULL);
		CHECK_STR(o.configure[0].kw[1].text, "target_metadata");
		CHECK_STR(o.configure[1].kw[1].key, "version_table");
		CHECK_STR(pyv_describe(&A, o.configure[1].kw[1].value), "'ver'");
		CHECK_STR(pyv_describe(&A, o.configure[1].kw[2].value), "True");
	}
	/* the generic env.py, unmodified, sets nothing */
	m = parse("from alembic import context\nconfig = context.config\ntarget_metadata = None\n");
	CHECK_INT(py_env_read(&A, m, &in, &o, &E), 0);
	CHECK_INT(o.n_settings, 0);
	CHECK_STR(o.target_metadata, "None");
}

static void test_repr(void)
{
	struct buf b = BUF_INIT;

	pyv_repr_str(&b, "it's", 4);
	pyv_repr_str(&b, "a\"b'\n", 5);
	CHECK_STR(buf_cstr(&b), "\"it's\"'a\"b\\'\\n'");
	buf_release(&b);
	CHECK_STR(pyv_float_repr(&A, 0.1), "0.1");
	CHECK_STR(pyv_float_repr(&A, 1e-05), "1e-05");
	CHECK_STR(pyv_float_repr(&A, 3.0), "3.0");
}

static void setup(void)
{
	arena_init(&A);
	err_clear(&E);
}

#define T(fn)                                                                                      \
	static void run_##fn(void)                                                                 \
	{                                                                                          \
		setup();                                                                           \
		fn();                                                                              \
		arena_release(&A);                                                                 \
	}
T(test_lex_tokens)
T(test_lex_numbers_strings)
T(test_parse_statements)
T(test_parse_expressions)
T(test_parse_errors)
T(test_parse_deep)
T(test_header)
T(test_header_imported_names)
T(test_eval_autogenerated)
T(test_eval_real_autogenerate)
T(test_eval_canonical_names)
T(test_eval_blocks)
T(test_eval_dialect_conditionals)
T(test_eval_dialect_description)
T(test_eval_warnings)
T(test_eval_sets)
T(test_eval_helpers_loops)
T(test_eval_sql_expressions)
T(test_eval_bind_execute)
T(test_eval_imports)
T(test_eval_irreversible)
T(test_eval_try_reraise)
T(test_eval_literals)
T(test_eval_x_arguments)
T(test_env_read)
T(test_repr)

static const struct unit_test tests[] = {
	{"test_lex_tokens", run_test_lex_tokens},
	{"test_lex_numbers_strings", run_test_lex_numbers_strings},
	{"test_parse_statements", run_test_parse_statements},
	{"test_parse_expressions", run_test_parse_expressions},
	{"test_parse_errors", run_test_parse_errors},
	{"test_parse_deep", run_test_parse_deep},
	{"test_header", run_test_header},
	{"test_header_imported_names", run_test_header_imported_names},
	{"test_eval_autogenerated", run_test_eval_autogenerated},
	{"test_eval_real_autogenerate", run_test_eval_real_autogenerate},
	{"test_eval_canonical_names", run_test_eval_canonical_names},
	{"test_eval_blocks", run_test_eval_blocks},
	{"test_eval_dialect_conditionals", run_test_eval_dialect_conditionals},
	{"test_eval_dialect_description", run_test_eval_dialect_description},
	{"test_eval_warnings", run_test_eval_warnings},
	{"test_eval_sets", run_test_eval_sets},
	{"test_eval_helpers_loops", run_test_eval_helpers_loops},
	{"test_eval_sql_expressions", run_test_eval_sql_expressions},
	{"test_eval_bind_execute", run_test_eval_bind_execute},
	{"test_eval_imports", run_test_eval_imports},
	{"test_eval_irreversible", run_test_eval_irreversible},
	{"test_eval_try_reraise", run_test_eval_try_reraise},
	{"test_eval_literals", run_test_eval_literals},
	{"test_eval_x_arguments", run_test_eval_x_arguments},
	{"test_env_read", run_test_env_read},
	{"test_repr", run_test_repr},
	{0},
};

UNIT_MAIN(tests)

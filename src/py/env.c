/*
 * env.c - reading an env.py without running it (py_env_read): the settings
 * Alembic's EnvironmentContext would see from config.set_main_option /
 * set_section_option, the keyword arguments of context.configure(...), and
 * what target_metadata is bound to.  Module-level statements are evaluated
 * first (imports, constants; what cannot be evaluated makes its names
 * unreadable), then the body of every module-level function in file order,
 * every branch of if/for/with/try read (which branch runs is not known
 * without Python).  Application imports and calls the reader does not know
 * (fileConfig, engine_from_config, ...) are skipped.
 */
#include "py/eval_int.h"

#include "base/buf.h"

/* Source-like text of an expression for messages ("SQLModel.metadata", "f(...)"). */
static void expr_text(struct buf *b, const struct py_expr *x, int depth)
{
	if (depth > 20) {
		buf_adds(b, "...");
		return;
	}
	switch (x->kind) {
	case PYE_NAME:
		buf_adds(b, x->s);
		break;
	case PYE_ATTR:
		expr_text(b, x->a, depth + 1);
		buf_addf(b, ".%s", x->s);
		break;
	case PYE_CALL:
		expr_text(b, x->a, depth + 1);
		buf_adds(b, x->n || x->n_kw ? "(...)" : "()");
		break;
	case PYE_SUBSCRIPT:
		expr_text(b, x->a, depth + 1);
		buf_adds(b, "[...]");
		break;
	case PYE_STR:
		pyv_repr_str(b, x->s, x->len);
		break;
	case PYE_NONE:
	case PYE_TRUE:
	case PYE_FALSE:
		buf_adds(b, x->kind == PYE_NONE ? "None" : x->kind == PYE_TRUE ? "True" : "False");
		break;
	case PYE_INT:
	case PYE_FLOAT:
		buf_adds(b, x->s);
		break;
	case PYE_LIST:
	case PYE_TUPLE:
		buf_addch(b, x->kind == PYE_LIST ? '[' : '(');
		for (size_t k = 0; k < x->n; k++) {
			if (k)
				buf_adds(b, ", ");
			expr_text(b, x->v[k], depth + 1);
		}
		buf_addch(b, x->kind == PYE_LIST ? ']' : ')');
		break;
	default:
		buf_adds(b, "<expression>");
		break;
	}
}

const char *ev_expr_text(struct ev *ev, const struct py_expr *x)
{
	struct buf b = BUF_INIT;
	char *s;

	expr_text(&b, x, 0);
	s = buf_to_arena(&b, ev->a);
	buf_release(&b);
	return s;
}

/* The canonical name the called expression f resolves to, or NULL (no error left). */
static const char *callee(struct ev *ev, const struct py_expr *f)
{
	const struct pyv *v = ev_expr(ev, f);

	if (!v || v->kind != PYV_REF) {
		err_clear(ev->e);
		return NULL;
	}
	return v->name;
}

static void push_setting(struct ev *ev, const struct py_env_setting *st)
{
	struct py_env_out *o = ev->env_out;

	o->settings = arena_grow(ev->a, o->settings, o->n_settings, o->n_settings + 1,
				 sizeof(*o->settings));
	o->settings[o->n_settings++] = *st;
}

/* Evaluates a setting's value expression into st. */
static void setting_value(struct ev *ev, const struct py_expr *x, struct py_env_setting *st)
{
	const struct pyv *v;

	st->col = x->col;
	ev->unset_var = NULL;
	v = ev_expr(ev, x);
	if (v && v->kind == PYV_STR) {
		st->kind = PY_ENV_VALUE;
		st->value = v->s;
	} else if ((v && v->kind == PYV_NONE && v->unset_var) || (!v && ev->unset_var)) {
		st->kind = PY_ENV_UNSET;
		st->var = v ? v->unset_var : ev->unset_var;
	} else {
		st->kind = PY_ENV_UNREADABLE;
		st->why = v ? arena_printf(ev->a, "the value %s is not a string",
					   pyv_describe(ev->a, v))
			    : arena_strdup(ev->a, ev->e->msg);
		if (!v && ev->e->line) {
			st->line = ev->e->line;
			st->col = ev->e->col;
		}
	}
	err_clear(ev->e);
}

/* config.set_main_option(key, value) / set_section_option(section, key, value). */
static void read_setting(struct ev *ev, const struct py_expr *call, bool is_section)
{
	struct py_env_setting st = {0};
	size_t nk = is_section ? 2 : 1;
	const struct pyv *key;

	st.function = ev->cur_function;
	st.line = call->line;
	st.col = call->col;
	if (call->n != nk + 1 || call->n_kw) {
		st.kind = PY_ENV_UNREADABLE;
		st.key = "";
		st.why = "the arguments of this call cannot be read without Python";
		push_setting(ev, &st);
		return;
	}
	for (size_t k = 0; k < nk; k++) {
		key = ev_expr(ev, call->v[k]);
		if (!key || key->kind != PYV_STR) {
			err_clear(ev->e);
			st.kind = PY_ENV_UNREADABLE;
			st.key = ev_expr_text(ev, call->v[k]);
			st.why = arena_printf(
				ev->a, "the option name %s cannot be read without Python", st.key);
			push_setting(ev, &st);
			return;
		}
		if (is_section && k == 0)
			st.section = key->s;
		else
			st.key = key->s;
	}
	setting_value(ev, call->v[nk], &st);
	push_setting(ev, &st);
}

/* context.configure(...): every keyword, literal values kept. */
static void read_configure(struct ev *ev, const struct py_expr *call)
{
	struct py_env_out *o = ev->env_out;
	struct py_env_configure *c;
	struct py_env_kwarg *kw = arena_calloc(ev->a, call->n_kw + 1, sizeof(*kw));

	o->configure = arena_grow(ev->a, o->configure, o->n_configure, o->n_configure + 1,
				  sizeof(*o->configure));
	c = &o->configure[o->n_configure++];
	c->function = ev->cur_function;
	c->line = call->line;
	c->kw = kw;
	for (size_t k = 0; k < call->n_kw; k++) {
		const struct py_keyword *in = &call->kw[k];
		const struct pyv *v;
		if (!in->key)
			continue;
		kw[c->n_kw].key = in->key;
		kw[c->n_kw].text = ev_expr_text(ev, in->value);
		kw[c->n_kw].line = in->line;
		kw[c->n_kw].col = in->col;
		v = ev_expr(ev, in->value);
		kw[c->n_kw].value = v && lit_is_literal(v) ? v : NULL;
		err_clear(ev->e);
		c->n_kw++;
	}
}

static void env_block(struct ev *ev, const struct py_block *b);

/* One statement: calls of interest are read, bindings evaluated (or made unreadable). */
static void env_stmt(struct ev *ev, const struct py_stmt *s)
{
	const char *name;

	switch (s->kind) {
	case PYS_EXPR:
		if (s->value->kind != PYE_CALL || !(name = callee(ev, s->value->a)))
			return;
		if (!strcmp(name, "alembic.config.set_main_option"))
			read_setting(ev, s->value, false);
		else if (!strcmp(name, "alembic.config.set_section_option"))
			read_setting(ev, s->value, true);
		else if (!strcmp(name, "alembic.context.configure"))
			read_configure(ev, s->value);
		return;
	case PYS_IF:
	case PYS_FOR:
	case PYS_WHILE:
	case PYS_WITH:
	case PYS_TRY:
		env_block(ev, &s->body);
		for (size_t k = 0; k < s->n_handlers; k++)
			env_block(ev, &s->handlers[k].body);
		env_block(ev, &s->orelse);
		env_block(ev, &s->finalbody);
		return;
	case PYS_ASSIGN:
		if (!ev->scope && s->n_targets == 1 && s->targets[0]->kind == PYE_NAME &&
		    !strcmp(s->targets[0]->s, "target_metadata")) {
			ev->env_out->target_metadata = ev_expr_text(ev, s->value);
			ev->env_out->target_metadata_line = s->line;
		}
		break;
	case PYS_RETURN:
	case PYS_RAISE:
	case PYS_BREAK:
	case PYS_CONTINUE:
		return;
	default:
		break;
	}
	ev->flow = FLOW_NONE;
	if (ev_block(ev, &(struct py_block){&s, 1}) && ev->e->code) {
		/* names it would bind become unreadable: their use says why */
		struct pyv *why =
			ev_opaque(ev, arena_strdup(ev->a, ev->e->msg), ev->e->line, ev->e->col);
		err_clear(ev->e);
		if (s->kind == PYS_ASSIGN)
			for (size_t k = 0; k < s->n_targets; k++)
				if (s->targets[k]->kind == PYE_NAME)
					ev_bind(ev, ev_cur_scope(ev), s->targets[k]->s, why);
		if ((s->kind == PYS_ANNASSIGN || s->kind == PYS_AUGASSIGN) &&
		    s->target->kind == PYE_NAME)
			ev_bind(ev, ev_cur_scope(ev), s->target->s, why);
	}
	ev->flow = FLOW_NONE;
}

static void env_block(struct ev *ev, const struct py_block *b)
{
	for (size_t k = 0; k < b->n; k++)
		env_stmt(ev, b->v[k]);
}

int py_env_read(struct arena *a, const struct py_module *m, const struct py_env_in *in,
		struct py_env_out *out, struct err *e)
{
	struct ev ev = {0};
	struct ev_oplist ops = {0};

	memset(out, 0, sizeof(*out));
	err_clear(e);
	ev.a = a;
	ev.m = m;
	ev.file = in->file ? in->file : m->file;
	ev.env = in;
	ev.env_out = out;
	ev.e = e;
	ev.fn_name = "env.py";
	ev.module = arena_calloc(a, 1, sizeof(*ev.module));
	env_block(&ev, &m->body);
	ev.ops = &ops; /* calls inside functions are not at import time */
	for (size_t k = 0; k < m->body.n; k++) {
		const struct py_stmt *s = m->body.v[k];
		if (s->kind != PYS_DEF)
			continue;
		ev.scope = arena_calloc(a, 1, sizeof(*ev.scope));
		ev.scope->parent = ev.module;
		ev.cur_function = s->s;
		env_block(&ev, &s->body);
	}
	ev.scope = NULL;
	err_clear(e);
	return 0;
}

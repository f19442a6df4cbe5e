/*
 * render_int.h - what the autogenerate renderer's files share
 * (render.c: the body, batch blocks and the per-op rules; render_table.c:
 * create_table, sa.Column and the constraints; render_val.c: Python
 * literals, names and SQL expressions as Alembic 1.8.1's render.py
 * writes them).
 */
#ifndef AUTOGEN_RENDER_INT_H
#define AUTOGEN_RENDER_INT_H

#include "autogen/autogen.h"

/* One rendering. */
struct rnd {
	struct arena *a;                /* the caller's arena */
	const char *dialect;            /* the migration context's dialect */
	bool as_batch;                  /* render_as_batch: per-table ops go into batch blocks */
	bool batch;                     /* inside a batch block: autogen_context._has_batch */
	struct strvec *imports;         /* what the text needs, or NULL */
	const struct ag_render_opts *o; /* the options (review comments), or NULL */
};

/* _alembic_autogenerate_prefix: "batch_op." inside a batch block, else "op.". */
const char *rnd_prefix(const struct rnd *x);
/* repr() of s; NULL renders None. */
void rnd_repr(struct buf *b, const char *s);
/* A constraint or index name: None, op.f('name') for a final name, else repr. */
void rnd_name(const struct rnd *x, struct buf *b, const char *name, bool final);
/* repr() of a list of str: ['a', 'b']. */
void rnd_list(struct buf *b, const struct strvec *v);
/* A type as _repr_type writes it (NULL: sa.NullType()). */
void rnd_type(const struct rnd *x, struct buf *b, const struct sch_type *t);
/* _render_potential_expr: a SQL expression value as sa.text('...') (or its
 * repr alone without wrap); any other value as Python's repr. */
void rnd_value(const struct rnd *x, struct buf *b, const struct pyv *v, bool wrap);
/* The compiled SQL text of ex (impl.render_ddl_sql_expr): on SQLite a server
 * default that looks like an unparenthesized expression gets parentheses. */
const char *rnd_sql(const struct rnd *x, const struct sch_expr *ex, bool is_server_default);
/* _render_server_default of a server default (NULL renders None). */
void rnd_server_default(const struct rnd *x, struct buf *b, const struct sch_expr *d);
/* ", key=value" for each dialect keyword, grouped by dialect as
 * DialectKWArgs.kwargs iterates them; skip names one key left out. */
void rnd_dialect_kw(const struct rnd *x, struct buf *b, const struct sch_kwargs *kw,
		    const char *skip);

/* _render_column: sa.Column(...) of c. */
void rnd_column(const struct rnd *x, struct buf *b, const struct sch_column *c,
		const struct sch_table *t);
/* _add_table: op.create_table(...) of t. */
void rnd_create_table(const struct rnd *x, struct buf *b, const struct sch_table *t);

/* render_review.c: the "# destructive: ..." lines of b (for the block
 * after the first line), and the "# review: ..." line to write above op
 * (NULL: none; only with o->review). */
void rnd_review_block(const struct rnd *x, const struct mig_body *b, struct strvec *out);
const char *rnd_review_note(const struct rnd *x, const struct mig_op *op);

#endif

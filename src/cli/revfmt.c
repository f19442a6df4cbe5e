/*
 * revfmt.c - how a revision is printed (reference §4.1, §4.3, §4.4): the
 * one-line form of script/base.py Script._head_only, the verbose block of
 * Script.log_entry, both behind Script.cmd_format.  Label lists and child
 * lists come from the graph already sorted bytewise (Alembic prints Python
 * sets, whose order is random per process; §13).
 */
#include <string.h>

#include "base/buf.h"
#include "cli/cli_int.h"
#include "core/graph.h"
#include "script/script.h"

static const struct script *rev_script(const struct rev *r)
{
	return r->data;
}

static void add_comma(struct buf *out, const struct strvec *v)
{
	for (size_t i = 0; i < v->n; i++)
		buf_addf(out, "%s%s", i ? ", " : "", v->v[i]);
}

static void add_comma_revs(struct buf *out, const struct revlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		buf_addf(out, "%s%s", i ? ", " : "", l->v[i]->id);
}

void revfmt_down(struct buf *out, const struct rev *r)
{
	if (!r->down.n)
		buf_adds(out, "<base>");
	else
		add_comma(out, &r->down);
}

/* base.py Script._head_only */
static void head_only(struct buf *out, const struct rev *r, const struct revfmt_opts *o)
{
	const struct script *s = rev_script(r);

	if (o->include_parents) {
		revfmt_down(out, r);
		if (r->deps.n) {
			buf_adds(out, " (");
			add_comma(out, &r->deps);
			buf_adds(out, ")");
		}
		buf_adds(out, " -> ");
	}
	buf_adds(out, r->id);
	if (o->include_branches && r->eff_labels.n) {
		buf_adds(out, " (");
		add_comma(out, &r->eff_labels);
		buf_adds(out, ")");
	}
	if (r->is_real_head)
		buf_adds(out, " (head)");
	if (r->is_head && !r->is_real_head)
		buf_adds(out, " (effective head)");
	if (o->is_current)
		buf_adds(out, " (current)");
	if (o->tree_indicators) {
		if (r->is_branch_point)
			buf_adds(out, " (branchpoint)");
		if (r->is_merge_point)
			buf_adds(out, " (mergepoint)");
	}
	if (o->include_doc)
		buf_addf(out, ", %s", s && s->doc ? s->doc : "");
}

/* Python str.splitlines() boundary at p: length of the line break, 0 if none. */
static size_t line_break(const char *p)
{
	if (p[0] == '\r' && p[1] == '\n')
		return 2;
	if (p[0] == '\n' || p[0] == '\r' || p[0] == '\v' || p[0] == '\f' ||
	    (p[0] >= 0x1c && p[0] <= 0x1e))
		return 1;
	if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0x85)
		return 2; /* U+0085 */
	if ((unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80 &&
	    ((unsigned char)p[2] == 0xa8 || (unsigned char)p[2] == 0xa9))
		return 3; /* U+2028, U+2029 */
	return 0;
}

/* "\n".join("    %s" % para for para in longdoc.splitlines()) */
static void indented_doc(struct buf *out, const char *doc)
{
	const char *p = doc;
	bool first = true;

	while (*p) {
		const char *q = p;
		size_t br = 0;
		while (*q && !(br = line_break(q)))
			q++;
		buf_addf(out, "%s    ", first ? "" : "\n");
		buf_add(out, p, (size_t)(q - p));
		first = false;
		p = q + br;
	}
}

void revfmt_log_entry(struct buf *out, const struct rev *r, bool is_current)
{
	const struct script *s = rev_script(r);

	buf_addf(out, "Rev: %s%s%s%s%s\n", r->id, r->is_head ? " (head)" : "",
		 r->is_branch_point ? " (branchpoint)" : "",
		 r->is_merge_point ? " (mergepoint)" : "", is_current ? " (current)" : "");
	buf_adds(out, r->is_merge_point ? "Merges: " : "Parent: ");
	revfmt_down(out, r);
	buf_addch(out, '\n');
	if (r->deps.n) {
		buf_adds(out, "Also depends on: ");
		add_comma(out, &r->deps);
		buf_addch(out, '\n');
	}
	if (r->is_branch_point) {
		buf_adds(out, "Branches into: ");
		add_comma_revs(out, &r->nextrev);
		buf_addch(out, '\n');
	}
	if (r->eff_labels.n) {
		buf_adds(out, "Branch names: ");
		add_comma(out, &r->eff_labels);
		buf_addch(out, '\n');
	}
	buf_addf(out, "Path: %s\n\n", s && s->path ? s->path : (r->path ? r->path : ""));
	indented_doc(out, s && s->longdoc ? s->longdoc : "");
	buf_addch(out, '\n');
}

void revfmt_cmd_format(struct buf *out, const struct rev *r, const struct revfmt_opts *o)
{
	if (o->verbose)
		revfmt_log_entry(out, r, o->is_current);
	else
		head_only(out, r, o);
}

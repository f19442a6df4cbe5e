/*
 * help.c - usage lines and --help text laid out exactly as Python 3.11's
 * argparse.HelpFormatter lays out Alembic's parsers, generated from the same
 * option tables the parser uses; and textwrap.wrap, which both argparse and
 * Alembic's util.msg (the stdin-is-a-tty quirk) use.
 */
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/str.h"
#include "cli/cli_int.h"

static const struct cli_option help_row = {
	"-h", "--help", "help", NULL, OPT_HELP, "show this help message and exit",
};

int cli_help_width(void)
{
	const char *env = getenv("COLUMNS");
	long cols = 0;
	struct winsize ws;

	/* shutil.get_terminal_size: $COLUMNS, then the size of stdout, then 80 */
	if (!env || str_to_long(env, &cols) < 0 || cols <= 0) {
		cols = 80;
		if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
			cols = ws.ws_col;
	}
	return (int)cols - 2;
}

/* ---- textwrap --------------------------------------------------------- */

/* textwrap's "letter" class [^\d\W]: ASCII letters, "_" and any non-ASCII byte. */
static bool wrap_is_letter(char c)
{
	return str_isalpha(c) || c == '_' || (unsigned char)c >= 0x80;
}

/* True if a word may be broken after the hyphen at w[i] (TextWrapper
 * wordsep_re: two letters before, letter [-] letter after). */
static bool wrap_hyphen_break(const char *w, size_t i, size_t n)
{
	size_t j = i + 1;

	if (i < 2 || !wrap_is_letter(w[i - 1]) || !wrap_is_letter(w[i - 2]))
		return false;
	if (j < n && !wrap_is_letter(w[j]))
		return false;
	if (j >= n)
		return false;
	j++;
	if (j < n && w[j] == '-')
		j++;
	return j < n && wrap_is_letter(w[j]);
}

/* Splits text into chunks: runs of spaces and words (broken at hyphens). */
static void wrap_chunks(struct arena *a, const char *text, struct strvec *chunks)
{
	const char *p = text;

	while (*p) {
		size_t n = 0;
		if (*p == ' ') {
			while (p[n] == ' ')
				n++;
		} else {
			size_t end = 0;
			while (p[end] && p[end] != ' ')
				end++;
			n = end;
			for (size_t i = 0; i < end; i++)
				if (p[i] == '-' && wrap_hyphen_break(p, i, end)) {
					n = i + 1;
					break;
				}
		}
		strvec_push(a, chunks, arena_strndup(a, p, n));
		p += n;
	}
}

/* TextWrapper expand_tabs + replace_whitespace. */
static char *wrap_normalize(struct arena *a, const char *text)
{
	struct buf b = BUF_INIT;
	size_t col = 0;

	for (const char *p = text; *p; p++) {
		if (*p == '\t') {
			do
				buf_addch(&b, ' ');
			while (++col % 8);
			continue;
		}
		bool ws = *p == '\n' || *p == '\r' || *p == '\v' || *p == '\f';
		buf_addch(&b, ws ? ' ' : *p);
		col = (*p == '\n' || *p == '\r') ? 0 : col + 1;
	}
	char *r = buf_to_arena(&b, a);
	buf_release(&b);
	return r;
}

/* Length in characters (code points) of UTF-8 text, as Python's len(). */
static size_t u8len(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Bytes taken by the first n characters of s. */
static size_t u8bytes(const char *s, size_t n)
{
	size_t i = 0;

	while (s[i] && n) {
		i++;
		while (((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		n--;
	}
	return i;
}

/* TextWrapper._handle_long_word: the part of chunk *c that fits in left
 * characters (at a hyphen when possible) goes to the line. */
static void wrap_long_word(struct arena *a, const char **c, size_t left, struct strvec *cur)
{
	size_t end = u8bytes(*c, left);

	if (strlen(*c) > end) {
		const char *h = NULL;
		for (const char *q = *c; q < *c + end; q++)
			if (*q == '-')
				h = q;
		bool other = false;
		for (const char *q = *c; h && q < h; q++)
			other = other || *q != '-';
		if (h && h > *c && other)
			end = (size_t)(h - *c) + 1;
	}
	strvec_push(a, cur, arena_strndup(a, *c, end));
	*c += end;
}

void cli_wrap(struct arena *a, const char *text, int width, struct strvec *lines)
{
	struct strvec ch = STRVEC_INIT;
	size_t k = 0;

	wrap_chunks(a, wrap_normalize(a, text), &ch);
	while (k < ch.n) {
		struct strvec cur = STRVEC_INIT;
		size_t len = 0;
		if (ch.v[k][0] == ' ' && lines->n)
			k++; /* drop leading white space of a continuation line */
		while (k < ch.n && len + u8len(ch.v[k]) <= (size_t)(width > 0 ? width : 0)) {
			len += u8len(ch.v[k]);
			strvec_push(a, &cur, ch.v[k++]);
		}
		if (k < ch.n && u8len(ch.v[k]) > (size_t)(width > 0 ? width : 0)) {
			size_t left = width < 1 ? 1 : (size_t)width - len;
			wrap_long_word(a, &ch.v[k], left, &cur);
			if (!*ch.v[k])
				k++;
		}
		if (cur.n && cur.v[cur.n - 1][0] == ' ')
			cur.n--; /* drop trailing white space */
		if (cur.n)
			strvec_push(a, lines, strvec_join(a, &cur, ""));
	}
}

/* ---- usage ------------------------------------------------------------ */

/* argparse's default metavar for an option: dest.upper(). */
static const char *metavar(struct arena *a, const struct cli_option *o)
{
	if (o->metavar)
		return o->metavar;
	char *m = arena_strdup(a, o->dest);
	for (char *q = m; *q; q++)
		*q = (char)toupper((unsigned char)*q);
	return m;
}

/* An option's usage part: "[-v]" or "[-m MESSAGE]" (its first option string). */
static void option_part(struct arena *a, struct strvec *parts, const struct cli_option *o)
{
	const char *first = o->short_name ? o->short_name : o->long_name;

	if (o->kind == OPT_VALUE || o->kind == OPT_APPEND)
		strvec_push(a, parts, arena_printf(a, "[%s %s]", first, metavar(a, o)));
	else
		strvec_push(a, parts, arena_printf(a, "[%s]", first));
}

/* The subparsers metavar: "{branches,config,...}". */
static char *choices(struct arena *a, const struct cli_parser *p)
{
	struct buf b = BUF_INIT;

	buf_addch(&b, '{');
	for (size_t i = 0; i < p->n_cmds; i++)
		buf_addf(&b, "%s%s", i ? "," : "", p->cmds[i]->name);
	buf_addch(&b, '}');
	char *r = buf_to_arena(&b, a);
	buf_release(&b);
	return r;
}

/* The usage parts of the optionals and of the positionals, in table order. */
static void usage_parts(struct arena *a, const struct cli_parser *p, struct strvec *opt,
			struct strvec *pos)
{
	option_part(a, opt, &help_row);
	for (const struct cli_option *o = p->opts; o->dest; o++)
		option_part(a, opt, o);
	for (const struct cli_positional *q = p->pos; q && q->dest; q++) {
		switch (q->nargs) {
		case NARGS_ONE:
			strvec_push(a, pos, q->dest);
			break;
		case NARGS_OPTIONAL:
			strvec_push(a, pos, arena_printf(a, "[%s]", q->dest));
			break;
		case NARGS_MANY:
			strvec_push(a, pos, q->dest);
			strvec_push(a, pos, arena_printf(a, "[%s ...]", q->dest));
			break;
		case NARGS_ANY:
			strvec_push(a, pos, arena_printf(a, "[%s ...]", q->dest));
			break;
		}
	}
	if (p->cmds) {
		strvec_push(a, pos, choices(a, p));
		strvec_push(a, pos, "...");
	}
}

/* HelpFormatter._format_usage get_lines(). */
static void usage_lines(struct arena *a, const struct strvec *parts, size_t from, size_t indent,
			const char *prefix, int width, struct strvec *lines)
{
	struct buf line = BUF_INIT;
	long len = prefix ? (long)strlen(prefix) - 1 : (long)indent - 1;
	size_t first = lines->n;
	bool empty = true;

	for (size_t i = from; i < parts->n; i++) {
		long pl = (long)strlen(parts->v[i]);
		if (len + 1 + pl > width && !empty) {
			strvec_push(a, lines, buf_to_arena(&line, a));
			buf_reset(&line);
			empty = true;
			len = (long)indent - 1;
		}
		if (empty)
			buf_addf(&line, "%*s%s", (int)indent, "", parts->v[i]);
		else
			buf_addf(&line, " %s", parts->v[i]);
		empty = false;
		len += pl + 1;
	}
	if (!empty)
		strvec_push(a, lines, buf_to_arena(&line, a));
	if (prefix && lines->n > first)
		lines->v[first] += indent;
	buf_release(&line);
}

/* HelpFormatter._format_usage when the one-line usage is too long. */
static void usage_wrapped(struct arena *a, const char *prog, const struct strvec *opt,
			  const struct strvec *pos, int width, struct strvec *lines)
{
	static const char prefix[] = "usage: ";
	struct strvec all = STRVEC_INIT;

	if ((double)(strlen(prefix) + strlen(prog)) <= 0.75 * width) {
		size_t indent = strlen(prefix) + strlen(prog) + 1;
		strvec_push(a, &all, prog);
		for (size_t i = 0; i < (opt->n ? opt->n : pos->n); i++)
			strvec_push(a, &all, opt->n ? opt->v[i] : pos->v[i]);
		usage_lines(a, &all, 0, indent, prefix, width, lines);
		if (opt->n)
			usage_lines(a, pos, 0, indent, NULL, width, lines);
		return;
	}
	size_t indent = strlen(prefix);
	for (size_t i = 0; i < opt->n; i++)
		strvec_push(a, &all, opt->v[i]);
	for (size_t i = 0; i < pos->n; i++)
		strvec_push(a, &all, pos->v[i]);
	strvec_push(a, lines, prog);
	struct strvec tmp = STRVEC_INIT;
	usage_lines(a, &all, 0, indent, NULL, width, &tmp);
	if (tmp.n > 1) {
		tmp.n = 0;
		usage_lines(a, opt, 0, indent, NULL, width, &tmp);
		usage_lines(a, pos, 0, indent, NULL, width, &tmp);
	}
	for (size_t i = 0; i < tmp.n; i++)
		strvec_push(a, lines, tmp.v[i]);
}

void cli_format_usage(struct buf *out, const struct cli_parser *p, int width)
{
	struct arena a = ARENA_INIT;
	struct strvec opt = STRVEC_INIT, pos = STRVEC_INIT, lines = STRVEC_INIT;
	struct buf one = BUF_INIT;

	usage_parts(&a, p, &opt, &pos);
	buf_adds(&one, p->prog);
	for (size_t i = 0; i < opt.n; i++)
		buf_addf(&one, " %s", opt.v[i]);
	for (size_t i = 0; i < pos.n; i++)
		buf_addf(&one, " %s", pos.v[i]);
	if (strlen("usage: ") + one.len <= (size_t)width) {
		buf_addf(out, "usage: %s\n", buf_cstr(&one));
	} else {
		usage_wrapped(&a, p->prog, &opt, &pos, width, &lines);
		buf_addf(out, "usage: %s\n", strvec_join(&a, &lines, "\n"));
	}
	buf_release(&one);
	arena_release(&a);
}

/* ---- help ------------------------------------------------------------- */

/* One entry of a help section. */
struct help_item {
	const char *invocation; /* "-m MESSAGE, --message MESSAGE", "revision", "{a,b}" */
	const char *help;       /* help text, NULL for none */
	int indent;             /* 2, or 4 for the commands under the tool's choices */
};

/* _format_action_invocation: "-h, --help" or "-m MESSAGE, --message MESSAGE". */
static const char *invocation(struct arena *a, const struct cli_option *o)
{
	if (o->kind != OPT_VALUE && o->kind != OPT_APPEND) {
		if (o->short_name && o->long_name)
			return arena_printf(a, "%s, %s", o->short_name, o->long_name);
		return o->short_name ? o->short_name : o->long_name;
	}
	const char *m = metavar(a, o);
	if (o->short_name && o->long_name)
		return arena_printf(a, "%s %s, %s %s", o->short_name, m, o->long_name, m);
	return arena_printf(a, "%s %s", o->short_name ? o->short_name : o->long_name, m);
}

/* HelpFormatter._format_action: the entry, then its help wrapped at help_pos. */
static void format_item(struct arena *a, struct buf *out, const struct help_item *it, int help_pos,
			int width)
{
	int action_width = help_pos - it->indent - 2;
	int help_width = width - help_pos > 11 ? width - help_pos : 11;
	struct strvec lines = STRVEC_INIT;
	int first_indent;

	if (!it->help) {
		buf_addf(out, "%*s%s\n", it->indent, "", it->invocation);
		return;
	}
	if ((int)strlen(it->invocation) <= action_width) {
		buf_addf(out, "%*s%-*s  ", it->indent, "", action_width, it->invocation);
		first_indent = 0;
	} else {
		buf_addf(out, "%*s%s\n", it->indent, "", it->invocation);
		first_indent = help_pos;
	}
	cli_wrap(a, it->help, help_width, &lines);
	for (size_t i = 0; i < lines.n; i++)
		buf_addf(out, "%*s%s\n", i ? help_pos : first_indent, "", lines.v[i]);
	if (!lines.n && first_indent == 0)
		buf_addch(out, '\n');
}

/* The entries of "positional arguments:" or "options:". */
static size_t section_items(struct arena *a, const struct cli_parser *p, bool positional,
			    struct help_item *items)
{
	size_t n = 0;

	if (!positional) {
		items[n++] = (struct help_item){invocation(a, &help_row), help_row.help, 2};
		for (const struct cli_option *o = p->opts; o->dest; o++)
			items[n++] = (struct help_item){invocation(a, o), o->help, 2};
		return n;
	}
	for (const struct cli_positional *q = p->pos; q && q->dest; q++)
		items[n++] = (struct help_item){q->dest, q->help, 2};
	if (p->cmds) {
		items[n++] = (struct help_item){choices(a, p), NULL, 2};
		for (size_t i = 0; i < p->n_cmds; i++)
			items[n++] = (struct help_item){p->cmds[i]->name, p->cmds[i]->help, 4};
	}
	return n;
}

void cli_format_help(struct buf *out, const struct cli_parser *p, int width)
{
	struct arena a = ARENA_INIT;
	size_t cap = p->n_cmds + 64;
	struct help_item *pos = arena_calloc(&a, cap, sizeof(*pos));
	struct help_item *opt = arena_calloc(&a, cap, sizeof(*opt));
	size_t n_pos = section_items(&a, p, true, pos);
	size_t n_opt = section_items(&a, p, false, opt);
	int max_len = 0;
	int max_help = width - 20 > 4 ? width - 20 : 4;

	for (size_t i = 0; i < n_pos + n_opt; i++) {
		const struct help_item *it = i < n_pos ? &pos[i] : &opt[i - n_pos];
		int l = (int)strlen(it->invocation) + it->indent;
		max_len = l > max_len ? l : max_len;
	}
	max_help = max_help < 24 ? max_help : 24;
	int help_pos = max_len + 2 < max_help ? max_len + 2 : max_help;

	cli_format_usage(out, p, width);
	if (n_pos) {
		buf_adds(out, "\npositional arguments:\n");
		for (size_t i = 0; i < n_pos; i++)
			format_item(&a, out, &pos[i], help_pos, width);
	}
	buf_adds(out, "\noptions:\n");
	for (size_t i = 0; i < n_opt; i++)
		format_item(&a, out, &opt[i], help_pos, width);
	arena_release(&a);
}

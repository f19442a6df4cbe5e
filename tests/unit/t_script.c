/*
 * t_script.c - unit tests for src/script: the SQL and Python readers on
 * fixtures (tests/fixtures/scripts/, run from the top of the tree), the
 * malformed-file table bad/EXPECT, slugs, file_template tokens, create dates,
 * writing both formats (byte-compared with files Alembic 1.8.1 generated,
 * oracle/), version-directory checks and scanning (order, ignore rules,
 * duplicates, recursion, 10,000 files).
 */
#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/fs.h"
#include "base/str.h"
#include "script/script.h"
#include "unit.h"

#define FIX "tests/fixtures/scripts/"

/* ---- helpers ---- */

struct rec {
	struct buf out; /* status text as the CLI would print it */
};

static void rec_begin(void *ctx, const char *text)
{
	buf_addf(&((struct rec *)ctx)->out, "%s ...", text);
}

static void rec_end(void *ctx, bool ok)
{
	buf_addf(&((struct rec *)ctx)->out, "  %s\n", ok ? "done" : "FAILED");
}

static void rec_msg(void *ctx, const char *text)
{
	buf_addf(&((struct rec *)ctx)->out, "%s\n", text);
}

static struct sink rec_sink(struct rec *r)
{
	struct sink s = {0};
	s.status_begin = rec_begin;
	s.status_end = rec_end;
	s.msg = rec_msg;
	s.ctx = r;
	return s;
}

static char *temp_dir(struct arena *a)
{
	char tmpl[] = "/tmp/t_script.XXXXXX";
	char *d = mkdtemp(tmpl);
	return d ? arena_strdup(a, d) : NULL;
}

static void remove_tree(struct arena *a, const char *dir)
{
	if (dir && str_startswith(dir, "/tmp/t_script."))
		CHECK(system(arena_printf(a, "rm -rf '%s'", dir)) == 0);
}

/* Writes a test file (plain stdio: no fsync, 10,000 of them must be quick). */
static void put(struct arena *a, const char *dir, const char *name, const char *text)
{
	FILE *f = fopen(fs_join(a, dir, name), "wb");

	CHECK(f != NULL);
	if (!f)
		return;
	CHECK(fwrite(text, 1, strlen(text), f) == strlen(text));
	CHECK(fclose(f) == 0);
}

static struct config test_config(struct arena *a, const char *script_location)
{
	struct config c;

	memset(&c, 0, sizeof(c));
	c.script_location = script_location;
	c.file_template = "%(rev)s_%(slug)s";
	c.truncate_slug_length = 40;
	(void)a;
	return c;
}

static char *read_all(struct arena *a, const char *path)
{
	char *t = NULL;
	size_t n;
	struct err e;
	return fs_read_file(a, path, &t, &n, &e) == 0 ? t : NULL;
}

/* ---- SQL reader ---- */

static void test_sql_full(void)
{
	struct arena a = ARENA_INIT;
	struct script *s = NULL;
	struct err e;

	CHECK_INT(script_read(&a, FIX "sql", "full.sql", &s, &e), 0);
	if (!s)
		return;
	CHECK_STR(s->id, "ab12");
	CHECK_STR(strvec_join(&a, &s->down, ","), "p1,p2");
	CHECK_STR(strvec_join(&a, &s->labels, ","), "core,extra");
	CHECK_STR(strvec_join(&a, &s->deps, ","), "netlib");
	CHECK_STR(s->longdoc, "create account table\nsecond line of the first paragraph\n\n"
			      "Revision ID: ab12\nRevises: p1, p2\n"
			      "Create Date: 2026-11-24 00:29:08.645121");
	CHECK_STR(s->doc, "create account table\nsecond line of the first paragraph");
	CHECK(s->is_no_transaction);
	CHECK_INT(s->format, SCRIPT_SQL);
	CHECK_STR(s->path, FIX "sql/full.sql");
	CHECK(s->upgrade.present && s->downgrade.present);
	CHECK_STR(s->upgrade.text,
		  "CREATE INDEX CONCURRENTLY ix ON t (c);\n-- a comment inside the section\n\n");
	CHECK_INT(s->upgrade.first_line, 13);
	CHECK_STR(s->downgrade.text, "DROP INDEX ix;\n");
	CHECK_INT(s->downgrade.first_line, 17);
	arena_release(&a);
}

static void test_sql_minimal_and_crlf(void)
{
	struct arena a = ARENA_INIT;
	struct script *s = NULL;
	struct err e;

	CHECK_INT(script_read(&a, FIX "sql", "minimal.sql", &s, &e), 0);
	if (s) {
		CHECK_STR(s->id, "m1");
		CHECK_INT(s->down.n, 0);
		CHECK_STR(s->longdoc, "Revision ID: m1\nRevises:");
		CHECK(!s->upgrade.present && !s->downgrade.present && !s->is_no_transaction);
	}
	s = NULL;
	CHECK_INT(script_read(&a, FIX "sql", "empty_message.sql", &s, &e), 0);
	if (s) {
		CHECK_STR(s->longdoc,
			  "Revision ID: e1\nRevises: u1\nCreate Date: 2026-11-24 00:37:13.717522");
		CHECK_STR(s->doc, s->longdoc);
		CHECK_STR(s->upgrade.text, "SELECT 1;\r\n");
		CHECK_INT(s->upgrade.first_line, 7);
	}
	arena_release(&a);
}

/* Every file of bad/ fails with the code, line, column and text listed in bad/EXPECT. */
static void test_bad_files(void)
{
	struct arena a = ARENA_INIT;
	char *list = read_all(&a, FIX "bad/EXPECT"), *line, *save = NULL;
	int n = 0;

	CHECK(list != NULL);
	for (line = list; line && *line; line = save) {
		char *nl = strchr(line, '\n'), *f[5];
		struct script *s = NULL;
		struct err e;
		int k = 0;
		save = nl ? nl + 1 : NULL;
		if (nl)
			*nl = '\0';
		if (*line == '#' || !*line)
			continue;
		for (char *p = line; k < 5; k++) {
			f[k] = p;
			p = strchr(p, '\t');
			if (!p) {
				k++;
				break;
			}
			*p++ = '\0';
		}
		CHECK_INT(k, 5);
		if (k != 5)
			continue;
		n++;
		err_clear(&e);
		CHECK_INT(script_read(&a, FIX "bad", f[0], &s, &e), -1);
		CHECK_STR(f[3], e.code == ERR_INPUT     ? "INPUT"
				: e.code == ERR_COMMAND ? "COMMAND"
							: "?");
		CHECK_STR(e.file, arena_printf(&a, FIX "bad/%s", f[0]));
		CHECK_INT(e.line, strtol(f[1], NULL, 10));
		if (str_endswith(f[0], ".py"))
			CHECK_INT(e.col, strtol(f[2], NULL, 10));
		if (!strstr(e.msg, f[4]))
			CHECK_STR(e.msg, f[4]);
	}
	CHECK(n >= 20);
	arena_release(&a);
}

/* ---- Python reader on files Alembic generated ---- */

static void test_py_oracle_files(void)
{
	struct arena a = ARENA_INIT;
	struct script *s = NULL;
	struct err e;

	CHECK_INT(script_read(&a, FIX "oracle", "1975ea83b712_create_account_table.py", &s, &e), 0);
	if (s) {
		CHECK_STR(s->id, "1975ea83b712");
		CHECK_INT(s->down.n, 0);
		CHECK_STR(s->doc, "create account table");
		CHECK(str_startswith(s->longdoc,
				     "create account table\n\nRevision ID: 1975ea83b712\n"
				     "Revises: \nCreate Date: 2026-11-24 "));
		CHECK(s->upgrade.present && !s->upgrade.refusal && s->upgrade.n_stmts == 0);
		CHECK(s->upgrade.text == NULL);
	}
	CHECK_INT(script_read(&a, FIX "oracle", "3b_.py", &s, &e), 0);
	CHECK_STR(strvec_join(&a, &s->labels, ","), "core");
	CHECK_STR(s->doc, "empty message");
	CHECK_INT(script_read(&a, FIX "oracle", "4c_dep.py", &s, &e), 0);
	CHECK_STR(strvec_join(&a, &s->deps, ","), "1975ea83b712,2a");
	CHECK_INT(script_read(&a, FIX "oracle", "5d_.py", &s, &e), 0);
	CHECK(str_startswith(s->doc, "Revision ID: 5d\nRevises: 2a\nCreate Date: "));
	CHECK_STR(strvec_join(&a, &s->deps, ","), "core");
	CHECK_INT(script_read(&a, FIX "oracle", "6e_merge.py", &s, &e), 0);
	CHECK_STR(strvec_join(&a, &s->down, ","), "5d,4c");
	CHECK_INT(script_read(&a, FIX "oracle", "7f_typed_one.py", &s, &e), 0);
	CHECK_STR(s->id, "7f");
	CHECK_STR(strvec_join(&a, &s->labels, ","), "typed");
	CHECK(s->downgrade.present && !s->downgrade.refusal);
	CHECK_INT(script_read(&a, FIX "py", "00ab12.py", &s, &e), 0);
	CHECK_STR(s->id, "00ab12"); /* legacy: id from the file name */
	CHECK_INT(script_read(&a, FIX "py", "nodoc.py", &s, &e), 0);
	CHECK_INT(s->down.n, 0); /* down_revision = '' is a base */
	CHECK_STR(s->longdoc, "");
	CHECK_STR(s->doc, "");
	arena_release(&a);
}

/* ---- names ---- */

/* UTF-8 is written in hex escapes, and in octal ones (three digits at most) before a
 * character a hex escape would swallow: "\303\257code" is "\xc3\xaf" "code". */
static void test_slug(void)
{
	static const struct {
		const char *msg;
		int len;
		const char *want;
	} t[] = {
		{"\xc3\xbcn\303\257code \xe2\x80\x94 message with: punctuation/and  spaces!!", 40,
		 "\xc3\xbcn\303\257code_message_with_punctuation_and_"},
		{"a long message for the slug here", 10, "a_long_"},
		{"create account table", 40, "create_account_table"},
		{"", 40, ""},
		{NULL, 40, ""},
		{"add 'quoted' \"both\" \xe2\x80\x94 \xc3\xbcn\303\257code", 40,
		 "add_quoted_both_\xc3\xbcn\303\257code"},
		{"\xc3\x80\xc3\x89\xc3\x8e\xc3\x95\xc3\x9c \xc5\xb8 \xc4\xb2 \xc5\x8a \305\201\303\263d\xc5\xba",
		 40,
		 "\xc3\xa0\xc3\xa9\xc3\xae\xc3\xb5\xc3\xbc_\xc3\xbf_\xc4\xb3_\xc5\x8b_\xc5\x82\xc3\xb3"
		 "d\xc5\xba"},
		{"\xce\xa9\xce\xbc\xce\xad\xce\xb3\xce\xb1 \xce\xa3\xce\x8a\xce\xa3\xce\xa5\xce\xa6\xce\x9f"
		 "\xce\xa3 \xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 \xd0\x9c\xd0\x98\xd0\xa0",
		 40,
		 "\xcf\x89\xce\xbc\xce\xad\xce\xb3\xce\xb1_\xcf\x83\xce\xaf\xcf\x83\xcf\x85\xcf\x86\xce\xbf"
		 "\xcf\x82_\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82_\xd0\xbc\xd0\xb8\xd1\x80"},
		{"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe3\x83\xa1\xe3\x83\x83\xe3\x82\xbb\xe3"
		 "\x83\xbc\xe3\x82\xb8\xe3\x83\xbb\xe3\x83\x86\xe3\x82\xb9\xe3\x83\x88",
		 40,
		 "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe3\x83\xa1\xe3\x83\x83\xe3\x82\xbb\xe3"
		 "\x83\xbc\xe3\x82\xb8_\xe3\x83\x86\xe3\x82\xb9\xe3\x83\x88"},
		{"emoji \xf0\x9f\x98\x80 here\xc2\xb2 and \xc2\xbd", 40,
		 "emoji_here\xc2\xb2_and_\xc2\xbd"},
		{"under_score__double", 40, "under_score__double"},
		{"abcdefghij_klmnopqrst", 15, "abcdefghij_"},
		{"nounderscoreslongword", 5, "nound_"},
		{"\xc4\xb0stanbul", 40, "i\xcc\x87stanbul"},
		{"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 40,
		 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_"},
		{"a-b.c,d;e", 40, "a_b_c_d_e"},
		{"tab\tnew\nline", 40, "tab_new_line"},
		{"e\xcc\x81 combining", 40, "e_combining"},
		{"zero means forty characters of slug here ok", 0,
		 "zero_means_forty_characters_of_slug_"},
		/* str.lower()'s final sigma, on the joined string: "ΑΣ ΣΑ Σ" -> "ας_σα_σ" */
		{"\xce\x91\xce\xa3 \xce\xa3\xce\x91 \xce\xa3", 40,
		 "\xce\xb1\xcf\x82_\xcf\x83\xce\xb1_\xcf\x83"},
		{"1\xce\xa3 a\316\2431", 40, "1\xcf\x83_a\317\2021"},
		{"\xc7\x85ungla \xc7\x84", 40, "\xc7\x86ungla_\xc7\x86"}, /* titlecase ǅ */
	};
	struct arena a = ARENA_INIT;

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		CHECK_STR(script_slug(&a, t[i].msg, t[i].len), t[i].want);
	arena_release(&a);
}

static void test_file_template(void)
{
	struct arena a = ARENA_INIT;
	struct script_date d = {2026, 11, 24, 0, 38, 48, 0, 1795480728LL, false, 0};
	struct err e;
	char *out = NULL;

	CHECK_INT(script_file_name(
			  &a,
			  "%(year)d_%(month).2d_%(day).2d_%(hour).2d%(minute).2d%(second).2d-"
			  "%(epoch)s-%(rev)s_%(slug)s",
			  "t1", "a_long_", &d, &out, &e),
		  0);
	CHECK_STR(out, "2026_11_24_003848-1795480728-t1_a_long_");
	CHECK_INT(script_file_name(&a, "%(rev)s_%(slug)s", "ab", "", &d, &out, &e), 0);
	CHECK_STR(out, "ab_");
	CHECK_INT(script_file_name(&a,
				   "%%%(day)02d|%(day)-4d|%(rev)4s|%(rev).1s|%(month)+05d|%(day)s",
				   "ab", "", &d, &out, &e),
		  0);
	CHECK_STR(out, "%24|24  |  ab|a|+0011|24");
	CHECK_INT(script_file_name(&a, "%(nope)s", "ab", "", &d, &out, &e), -1);
	CHECK_INT(e.code, ERR_COMMAND);
	CHECK_INT(script_file_name(&a, "%(rev)d", "ab", "", &d, &out, &e), -1);
	CHECK_INT(script_file_name(&a, "%s", "ab", "", &d, &out, &e), -1);
	CHECK_INT(script_file_name(&a, "%(rev", "ab", "", &d, &out, &e), -1);
	arena_release(&a);
}

static void test_rev_id(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	char *x = script_new_rev_id(&a, &e), *y = script_new_rev_id(&a, &e);

	CHECK(x && y && strlen(x) == 12 && strlen(y) == 12 && strcmp(x, y));
	for (const char *p = x; p && *p; p++)
		CHECK((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'));
	CHECK_INT(script_check_rev_id("abc_def:1 2", &e), 0);
	CHECK_INT(script_check_rev_id("a-b@c", &e), -1);
	CHECK_INT(e.code, ERR_COMMAND);
	CHECK_STR(e.msg, "Character(s) '-, @' not allowed in revision identifier 'a-b@c'");
	CHECK_INT(script_check_rev_id("a+b", &e), -1);
	CHECK_STR(e.msg, "Character(s) '+' not allowed in revision identifier 'a+b'");
	arena_release(&a);
}

static void test_create_date(void)
{
	struct arena a = ARENA_INIT;
	struct timespec now = {1795480728, 68739000}; /* 2026-11-24 00:38:48.068739 UTC */
	struct script_date d;
	struct err e;

	setenv("TZ", "UTC", 1);
	tzset();
	CHECK_INT(script_create_date(NULL, &now, &d, &e), 0);
	CHECK_STR(script_date_str(&a, &d), "2026-11-24 00:38:48.068739");
	CHECK(d.epoch == 1795480728LL);
	CHECK_INT(script_create_date("Asia/Tokyo", &now, &d, &e), 0);
	CHECK_STR(script_date_str(&a, &d), "2026-11-24 09:38:48.068739+09:00");
	CHECK(d.epoch == 1795480728LL);
	CHECK_STR(getenv("TZ"), "UTC");                        /* restored */
	CHECK_INT(script_create_date("utc", &now, &d, &e), 0); /* retried upper-cased */
	CHECK_STR(script_date_str(&a, &d), "2026-11-24 00:38:48.068739+00:00");
	CHECK_INT(script_create_date("America/St_Johns", &now, &d, &e), 0);
	CHECK_STR(script_date_str(&a, &d), "2026-11-23 21:08:48.068739-03:30");
	now.tv_nsec = 0;
	CHECK_INT(script_create_date(NULL, &now, &d, &e), 0);
	CHECK_STR(script_date_str(&a, &d), "2026-11-24 00:38:48");
	now.tv_nsec = 5000;
	CHECK_INT(script_create_date(NULL, &now, &d, &e), 0);
	CHECK_STR(script_date_str(&a, &d), "2026-11-24 00:38:48.000005");
	CHECK_INT(script_create_date("Nowhere/Land", &now, &d, &e), -1);
	CHECK_INT(e.code, ERR_COMMAND);
	CHECK_STR(e.msg, "Can't locate timezone: Nowhere/Land");
	CHECK_INT(script_create_date("../../../etc/passwd", &now, &d, &e), -1);
	arena_release(&a);
}

/* ---- writing ---- */

/* Parses "Create Date: YYYY-MM-DD HH:MM:SS.ffffff" out of an oracle file. */
static struct script_date oracle_date(const char *text)
{
	struct script_date d;
	const char *p = strstr(text, "Create Date: ");

	memset(&d, 0, sizeof(d));
	if (p && sscanf(p + 13, "%d-%d-%d %d:%d:%d.%ld", &d.year, &d.month, &d.day, &d.hour,
			&d.minute, &d.second, &d.usec) >= 6)
		return d;
	CHECK(!"no Create Date in oracle file");
	return d;
}

struct oracle_case {
	const char *file;    /* oracle/<file> */
	const char *mako;    /* template in oracle/ */
	const char *id;      /* --rev-id */
	const char *message; /* -m, NULL if absent */
	const char *down;    /* comma-separated parents */
	const char *label;   /* --branch-label */
	const char *deps;    /* resolved --depends-on, comma-separated */
	const char *name;    /* file name Alembic chose (slug check) */
};

static void split_into(struct arena *a, const char *s, struct strvec *out)
{
	while (s && *s) {
		const char *c = strchr(s, ',');
		strvec_push(a, out, c ? arena_strndup(a, s, (size_t)(c - s)) : arena_strdup(a, s));
		s = c ? c + 1 : NULL;
	}
}

static void write_oracle_case(const struct oracle_case *oc)
{
	struct arena a = ARENA_INIT;
	char *dir = temp_dir(&a), *want = read_all(&a, arena_printf(&a, FIX "oracle/%s", oc->file));
	struct config c = test_config(&a, dir);
	struct script_new n = {0};
	struct script_date d;
	struct rec r = {BUF_INIT};
	struct sink s = rec_sink(&r);
	struct err e;
	char *path = NULL;

	CHECK(dir && want);
	if (!dir || !want)
		return;
	d = oracle_date(want);
	put(&a, dir, "script.py.mako", read_all(&a, arena_printf(&a, FIX "oracle/%s", oc->mako)));
	CHECK(fs_mkdir(fs_join(&a, dir, "versions"), &e) == 0);
	n.id = oc->id;
	n.message = oc->message;
	split_into(&a, oc->down, &n.down);
	split_into(&a, oc->label, &n.labels);
	split_into(&a, oc->deps, &n.deps);
	n.date = &d;
	n.format = SCRIPT_PY;
	CHECK_INT(script_write_revision(&a, &c, &n, &s, &path, &e), 0);
	if (path) {
		CHECK_STR(fs_basename(path), oc->name);
		CHECK_STR(read_all(&a, path), want);
		CHECK_STR(buf_cstr(&r.out),
			  arena_printf(&a, "Generating %s/versions/%s ...  done\n", dir, oc->name));
	} else {
		fprintf(stderr, "  %s: %d %s:%d: %s\n", oc->file, e.code, e.file, e.line, e.msg);
	}
	remove_tree(&a, dir);
	buf_release(&r.out);
	arena_release(&a);
}

static void test_write_py_like_alembic(void)
{
	static const struct oracle_case cases[] = {
		{"1975ea83b712_create_account_table.py", "generic.py.mako", "1975ea83b712",
		 "create account table", NULL, NULL, NULL, "1975ea83b712_create_account_table.py"},
		{"2a_unicode.py", "generic.py.mako", "2a",
		 "add 'quoted' \"both\" \xe2\x80\x94 \xc3\xbcn\303\257code", "1975ea83b712", NULL,
		 NULL, "2a_add_quoted_both_\xc3\xbcn\303\257code.py"},
		{"3b_.py", "generic.py.mako", "3b", NULL, "2a", "core", NULL, "3b_.py"},
		{"4c_dep.py", "generic.py.mako", "4c", "dep", "3b", NULL, "1975ea83b712,2a",
		 "4c_dep.py"},
		{"5d_.py", "generic.py.mako", "5d", "", "2a", NULL, "core", "5d_.py"},
		{"6e_merge.py", "generic.py.mako", "6e", "merge", "5d,4c", NULL, NULL,
		 "6e_merge.py"},
		{"7f_typed_one.py", "typed.py.mako", "7f", "typed one", "6e", "typed", NULL,
		 "7f_typed_one.py"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		write_oracle_case(&cases[i]);
}

static void test_write_sql(void)
{
	struct arena a = ARENA_INIT;
	char *dir = temp_dir(&a), *path = NULL;
	struct config c = test_config(&a, dir);
	struct script_new n = {0};
	struct script_date d = {2026, 11, 24, 0, 29, 8, 645121, 1795480148LL, false, 0};
	struct rec r = {BUF_INIT};
	struct sink s = rec_sink(&r);
	struct script *py = NULL, *sql = NULL;
	struct err e;

	CHECK(dir && fs_mkdir(fs_join(&a, dir, "versions"), &e) == 0);
	n.id = "1975ea83b712";
	n.message = "create account table";
	n.date = &d;
	n.format = SCRIPT_SQL;
	CHECK_INT(script_write_revision(&a, &c, &n, &s, &path, &e), 0);
	CHECK_STR(read_all(&a, path), "-- create account table\n--\n-- Revision ID: 1975ea83b712\n"
				      "-- Revises: \n-- Create Date: 2026-11-24 00:29:08.645121\n"
				      "-- migrate:upgrade\n\n-- migrate:downgrade\n");
	/* the header reads back as the docstring Alembic writes for the same revision */
	CHECK_INT(script_read(&a, fs_join(&a, dir, "versions"),
			      "1975ea83b712_create_account_table.sql", &sql, &e),
		  0);
	CHECK_INT(script_read(&a, FIX "oracle", "1975ea83b712_create_account_table.py", &py, &e),
		  0);
	if (sql && py) {
		const char *cd = strstr(py->longdoc, "Create Date: ");
		CHECK_STR(arena_strndup(
				  &a, sql->longdoc,
				  (size_t)(strstr(sql->longdoc, "Create Date: ") - sql->longdoc)),
			  arena_strndup(&a, py->longdoc, (size_t)(cd - py->longdoc)));
		CHECK(sql->upgrade.present && sql->downgrade.present);
	}
	/* never overwrite */
	CHECK_INT(script_write_revision(&a, &c, &n, &s, &path, &e), -1);
	CHECK_INT(e.code, ERR_IO);
	CHECK(str_endswith(buf_cstr(&r.out), ".sql ...  FAILED\n"));

	/* labels, dependencies, multi-line message, merge */
	split_into(&a, "x1,x2", &n.down);
	split_into(&a, "core", &n.labels);
	split_into(&a, "netlib,abc", &n.deps);
	n.id = "b1";
	n.message = "migrate: users";
	CHECK_INT(script_write_revision(&a, &c, &n, &s, &path, &e), 0);
	CHECK_INT(script_read(&a, fs_dirname(&a, path), fs_basename(path), &sql, &e), 0);
	CHECK_STR(sql->doc, "migrate: users");
	n.id = "b2";
	n.message = "two\n\nlines";
	CHECK_INT(script_write_revision(&a, &c, &n, &s, &path, &e), 0);
	CHECK_STR(read_all(&a, path),
		  "-- two\n-- \n-- lines\n--\n-- Revision ID: b2\n"
		  "-- Revises: x1, x2\n-- Create Date: 2026-11-24 00:29:08.645121\n"
		  "-- Branch Labels: core\n-- Depends On: netlib, abc\n"
		  "-- migrate:upgrade\n\n-- migrate:downgrade\n");
	CHECK_INT(script_read(&a, fs_dirname(&a, path), fs_basename(path), &sql, &e), 0);
	CHECK_STR(sql->longdoc, "two\n\nlines\n\nRevision ID: b2\nRevises: x1, x2\n"
				"Create Date: 2026-11-24 00:29:08.645121");
	remove_tree(&a, dir);
	buf_release(&r.out);
	arena_release(&a);
}

static void test_write_sql_template(void)
{
	struct arena a = ARENA_INIT;
	char *dir = temp_dir(&a), *path = NULL;
	struct config c = test_config(&a, dir);
	struct script_new n = {0};
	struct script_date d = {2026, 1, 2, 3, 4, 5, 0, 0, true, 3600};
	struct err e;

	CHECK(dir && fs_mkdir(fs_join(&a, dir, "versions"), &e) == 0);
	put(&a, dir, "script.sql.tmpl",
	    "-- ${message}\n--\n-- Revision ID: ${up_revision}\n-- Revises: ${down_revision}\n"
	    "-- Create Date: ${create_date}\n${header_extra}\n-- migrate:upgrade\n"
	    "SELECT '$1 ${ up_revision }' $$;\n-- migrate:downgrade\n");
	n.id = "t1";
	n.date = &d;
	n.format = SCRIPT_SQL;
	c.file_template = "%(year)d%(month)02d-%(rev)s";
	CHECK_INT(script_write_revision(&a, &c, &n, NULL, &path, &e), 0);
	CHECK_STR(fs_basename(path), "202601-t1.sql");
	CHECK_STR(read_all(&a, path),
		  "-- empty message\n--\n-- Revision ID: t1\n-- Revises: \n"
		  "-- Create Date: 2026-01-02 03:04:05+01:00\n-- migrate:upgrade\n"
		  "SELECT '$1 t1' $$;\n-- migrate:downgrade\n");
	put(&a, dir, "script.sql.tmpl", "-- Revision ID: ${up_revision}\n-- ${nope}\n");
	n.id = "t2";
	CHECK_INT(script_write_revision(&a, &c, &n, NULL, &path, &e), -1);
	CHECK_INT(e.code, ERR_COMMAND);
	CHECK_INT(e.line, 2);
	CHECK(strstr(e.msg, "script.sql.tmpl line 2: unknown placeholder '${nope}'") != NULL);
	remove_tree(&a, dir);
	arena_release(&a);
}

static void test_write_mako_refusals(void)
{
	static const char *const bad[] = {
		"<%! import re %>\n",
		"% for x in y:\n",
		"${config.get_main_option('x')}\n",
		"${imports}\n",
		"${message | h}\n",
		"${repr(create_date)}\n",
		"${message\n",
		"${message if up_revision else 'x'}\n",
	};
	struct arena a = ARENA_INIT;
	char *dir = temp_dir(&a), *path = NULL;
	struct config c = test_config(&a, dir);
	struct script_new n = {0};
	struct script_date d = {2026, 1, 2, 3, 4, 5, 0, 0, false, 0};
	struct err e;

	CHECK(dir && fs_mkdir(fs_join(&a, dir, "versions"), &e) == 0);
	n.date = &d;
	n.format = SCRIPT_PY;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		put(&a, dir, "script.py.mako", arena_printf(&a, "revision = '%zu'\n%s", i, bad[i]));
		n.id = arena_printf(&a, "%zu", i);
		CHECK_INT(script_write_revision(&a, &c, &n, NULL, &path, &e), -1);
		CHECK_INT(e.code, ERR_COMMAND);
		CHECK_INT(e.line, 2);
	}
	/* what is supported beyond the generic template: ## comments, %%, \ continuation */
	put(&a, dir, "script.py.mako",
	    "\xef\xbb\xbf## a comment line\nrevision = ${repr(up_revision)}\\\r\n\ndown_revision = None\n"
	    "'''\n%% not a control line\n'''\nx = ${down_revision | comma}|${message | n,trim}\n");
	n.id = "ok";
	n.message = "  padded  ";
	CHECK_INT(script_write_revision(&a, &c, &n, NULL, &path, &e), 0);
	CHECK_STR(read_all(&a, path),
		  "revision = 'ok'\ndown_revision = None\n'''\n% not a control line\n'''\n"
		  "x = None|padded\n");
	remove_tree(&a, dir);
	arena_release(&a);
}

static void test_version_dirs(void)
{
	struct arena a = ARENA_INIT;
	char *dir = temp_dir(&a), *path = NULL;
	struct config c = test_config(&a, dir);
	struct script_new n = {0};
	struct script_date d = {2026, 1, 2, 3, 4, 5, 0, 0, false, 0};
	struct rec r = {BUF_INIT};
	struct sink s = rec_sink(&r);
	struct err e;

	n.date = &d;
	n.format = SCRIPT_SQL;
	n.id = "v1";
	c.version_locations_configured = true;
	strvec_push(&a, &c.version_locations, fs_join(&a, dir, "one"));
	strvec_push(&a, &c.version_locations, fs_join(&a, dir, "two/deep"));
	CHECK_INT(script_write_revision(&a, &c, &n, &s, &path, &e), -1);
	CHECK_STR(e.msg, "Multiple version locations present, please specify --version-path");
	n.version_path = "/tmp";
	CHECK_INT(script_write_revision(&a, &c, &n, &s, &path, &e), -1);
	CHECK_STR(e.msg, "Path /tmp is not represented in current version locations");
	n.version_path = arena_printf(&a, "%s/two/x/../deep/", dir);
	CHECK_INT(script_write_revision(&a, &c, &n, &s, &path, &e), 0);
	CHECK_STR(buf_cstr(&r.out), arena_printf(&a,
						 "Creating directory %s/two/deep ...  done\n"
						 "Generating %s/two/deep/v1_.sql ...  done\n",
						 dir, dir));
	n.version_path = NULL;
	n.head_dir = fs_join(&a, dir, "two/deep");
	n.id = "v2";
	buf_reset(&r.out);
	CHECK_INT(script_write_revision(&a, &c, &n, &s, &path, &e), 0);
	CHECK_STR(buf_cstr(&r.out),
		  arena_printf(&a, "Generating %s/two/deep/v2_.sql ...  done\n", dir));
	remove_tree(&a, dir);
	buf_release(&r.out);
	arena_release(&a);
}

static void test_default_format(void)
{
	struct arena a = ARENA_INIT;
	char *dir = temp_dir(&a);
	struct config c = test_config(&a, dir);

	CHECK_INT(script_default_format(&c), SCRIPT_SQL);
	put(&a, dir, "script.py.mako", "x");
	CHECK_INT(script_default_format(&c), SCRIPT_PY);
	put(&a, dir, "script.sql.tmpl", "x");
	CHECK_INT(script_default_format(&c), SCRIPT_SQL);
	c.revision_format = "py";
	CHECK_INT(script_default_format(&c), SCRIPT_PY);
	/* an explicit revision_format = sql wins over an Alembic project's script.py.mako */
	unlink(fs_join(&a, dir, "script.sql.tmpl"));
	c.revision_format = "sql";
	CHECK_INT(script_default_format(&c), SCRIPT_SQL);
	c.revision_format = NULL;
	CHECK_INT(script_default_format(&c), SCRIPT_PY);
	remove_tree(&a, dir);
	arena_release(&a);
}

static void test_post_write_hooks(void)
{
	struct arena a = ARENA_INIT;
	char *dir = temp_dir(&a), *path = NULL, *log;
	struct config c = test_config(&a, dir);
	struct script_new n = {0};
	struct script_date d = {2026, 1, 2, 3, 4, 5, 0, 0, false, 0};
	struct rec r = {BUF_INIT};
	struct sink s = rec_sink(&r);
	struct script_hook_opt h[] = {
		{"hooks", "fmt,  gone"},
		{"fmt.type", "console_scripts"},
		{"fmt.entrypoint", "fakefmt"},
		{"fmt.options", "--flag 'a b' \"c\\\"d\" REVISION_SCRIPT_FILENAME"},
		{"fmt.cwd", "/"},
		{"gone.type", "console_scripts"},
		{"gone.entrypoint", "no-such-formatter"},
	};
	struct err e;

	CHECK(dir && fs_mkdir(fs_join(&a, dir, "versions"), &e) == 0);
	log = fs_join(&a, dir, "log");
	put(&a, dir, "fakefmt",
	    arena_printf(&a, "#!/bin/sh\npwd > %s\nfor x; do echo \"[$x]\" >> %s; done\n", log,
			 log));
	CHECK(chmod(fs_join(&a, dir, "fakefmt"), 0755) == 0);
	setenv("PATH", arena_printf(&a, "%s:%s", dir, getenv("PATH")), 1);
	n.date = &d;
	n.format = SCRIPT_SQL;
	n.id = "h1";
	n.hooks = h;
	n.n_hooks = sizeof(h) / sizeof(h[0]);
	CHECK_INT(script_write_revision(&a, &c, &n, &s, &path, &e), -1);
	CHECK_STR(e.msg, "Could not find entrypoint console_scripts.no-such-formatter");
	CHECK_STR(read_all(&a, log),
		  arena_printf(&a, "/\n[--flag]\n[a b]\n[c\"d]\n[%s/versions/h1_.sql]\n", dir));
	CHECK_STR(buf_cstr(&r.out), arena_printf(&a,
						 "Generating %s/versions/h1_.sql ...  done\n"
						 "Running post write hook \"fmt\" ...\n  done\n"
						 "Running post write hook \"gone\" ...\n  FAILED\n",
						 dir));
	h[0].value = "x";
	n.id = "h2";
	CHECK_INT(script_write_revision(&a, &c, &n, &s, &path, &e), -1);
	CHECK_STR(e.msg, "Key x.type is required for post write hook 'x'");
	h[0].value = "fmt";
	h[1].value = "exec";
	n.id = "h3";
	CHECK_INT(script_write_revision(&a, &c, &n, &s, &path, &e), -1);
	CHECK_STR(e.msg, "No formatter with name 'exec' registered");
	h[1].value = "console_scripts";
	h[2].key = "fmt.nothing";
	n.id = "h4";
	CHECK_INT(script_write_revision(&a, &c, &n, &s, &path, &e), -1);
	CHECK_STR(e.msg, "Key fmt.entrypoint is required for post write hook 'fmt'");
	remove_tree(&a, dir);
	buf_release(&r.out);
	arena_release(&a);
}

/* ---- scanning ---- */

static const char *sql_rev(struct arena *a, const char *id)
{
	return arena_printf(a, "-- Revision ID: %s\n-- Revises:\n", id);
}

/* Warnings of the last scan(), recorded by the sink it passes. */
static struct strvec warned;

static void warn_rec(void *ctx, const char *level, const char *logger, const char *text)
{
	if (!strcmp(level, "WARNING") && !strcmp(logger, SINK_WARNINGS))
		strvec_push(ctx, &warned, arena_strdup(ctx, text));
}

/* script_scan with a sink that records the warnings into warned. */
static int scan(struct arena *a, const struct config *c, struct script_list *l, struct err *e)
{
	struct sink s = {0};

	s.log = warn_rec;
	s.ctx = a;
	warned = (struct strvec)STRVEC_INIT;
	return script_scan(a, c, &s, l, e);
}

static void test_scan_order_and_rules(void)
{
	struct arena a = ARENA_INIT;
	char *dir = temp_dir(&a), *v = dir ? fs_join(&a, dir, "versions") : NULL;
	struct config c = test_config(&a, dir);
	struct script_list l;
	struct err e;

	CHECK(v && fs_mkdir(v, &e) == 0 && fs_mkdir(fs_join(&a, v, "sub"), &e) == 0);
	put(&a, v, "b.py", "revision = 'b'\ndown_revision = None\n");
	put(&a, v, "a.sql", sql_rev(&a, "a"));
	put(&a, v, "B.sql", sql_rev(&a, "B"));
	put(&a, v, "__init__.py", "");
	put(&a, v, "__init__x.py", "");
	put(&a, v, ".#lock.py", "");
	put(&a, v, ".#lock.sql", "");
	put(&a, v, "notes.txt", "");
	put(&a, v, "x.pyc", "");
	put(&a, v, "sub/c.sql", sql_rev(&a, "c"));
	CHECK(fs_mkdir(fs_join(&a, dir, "other"), &e) == 0);
	CHECK(symlink(fs_join(&a, dir, "other"), fs_join(&a, v, "d.py")) == 0); /* not a file */
	CHECK_INT(scan(&a, &c, &l, &e), 0);
	CHECK_INT(l.n, 3);
	if (l.n == 3) {
		CHECK_STR(l.v[0]->id, "B");
		CHECK_STR(l.v[1]->id, "a");
		CHECK_STR(l.v[2]->id, "b");
		CHECK_STR(l.v[2]->path, arena_printf(&a, "%s/b.py", v));
		CHECK_STR(l.v[2]->dir, v);
	}
	CHECK_INT(warned.n, 0);
	c.recursive_version_locations = true;
	CHECK_INT(scan(&a, &c, &l, &e), 0);
	CHECK_INT(l.n, 4);
	if (l.n == 4)
		CHECK_STR(l.v[3]->id, "c");
	/* the same directory twice (through a symlink): second copy skipped with warnings */
	c.recursive_version_locations = false;
	c.version_locations_configured = true;
	CHECK(symlink(v, fs_join(&a, dir, "link")) == 0);
	strvec_push(&a, &c.version_locations, v);
	strvec_push(&a, &c.version_locations, fs_join(&a, dir, "missing"));
	strvec_push(&a, &c.version_locations, fs_join(&a, dir, "link"));
	CHECK_INT(scan(&a, &c, &l, &e), 0);
	CHECK_INT(l.n, 3);
	CHECK_INT(warned.n, 11); /* every entry, as Alembic checks before matching names */
	if (warned.n) {
		char real[PATH_MAX];
		CHECK(realpath(v, real) != NULL);
		CHECK_STR(warned.v[0],
			  arena_printf(&a,
				       "File %s/.#lock.py loaded twice! ignoring. Please ensure "
				       "version_locations is unique.",
				       real));
	}
	/* a bad file stops the scan with its error */
	put(&a, v, "z.py", "revision = 'unterminated\n");
	CHECK_INT(scan(&a, &c, &l, &e), -1);
	CHECK_INT(e.code, ERR_INPUT);
	CHECK_INT(e.line, 1);
	remove_tree(&a, dir);
	arena_release(&a);
}

static void test_scan_sql_helpers(void)
{
	struct arena a = ARENA_INIT;
	char *dir = temp_dir(&a), *v = dir ? fs_join(&a, dir, "versions") : NULL;
	struct config c = test_config(&a, dir);
	struct script_list l;
	struct err e;

	CHECK(v && fs_mkdir(v, &e) == 0);
	put(&a, v, "a.py", "revision = 'a'\ndown_revision = None\n");
	put(&a, v, "a_data.sql", "INSERT INTO t VALUES (1);\n");
	CHECK_INT(scan(&a, &c, &l, &e), -1); /* a native project: a broken revision */
	CHECK_INT(e.code, ERR_INPUT);
	put(&a, dir, "script.py.mako", "");
	CHECK_INT(scan(&a, &c, &l, &e), 0); /* an Alembic project: a helper file */
	CHECK_INT(l.n, 1);
	CHECK_INT(warned.n, 1);
	if (warned.n)
		CHECK_STR(warned.v[0],
			  arena_printf(&a,
				       "File %s/a_data.sql has no '-- Revision ID:' header; not a "
				       "revision, ignored.",
				       v));
	remove_tree(&a, dir);
	arena_release(&a);
}

static void test_scan_missing_versions(void)
{
	struct arena a = ARENA_INIT;
	char *dir = temp_dir(&a);
	struct config c = test_config(&a, dir);
	struct script_list l;
	struct err e;

	CHECK_INT(scan(&a, &c, &l, &e), -1);
	CHECK_INT(e.code, ERR_IO);
	remove_tree(&a, dir);
	arena_release(&a);
}

static void test_scan_sourceless(void)
{
	struct arena a = ARENA_INIT;
	char *dir = temp_dir(&a), *v = dir ? fs_join(&a, dir, "versions") : NULL;
	struct config c = test_config(&a, dir);
	struct script_list l;
	struct err e;

	CHECK(v && fs_mkdir(v, &e) == 0 && fs_mkdir(fs_join(&a, v, "__pycache__"), &e) == 0);
	put(&a, v, "a.py", "revision = 'a'\ndown_revision = None\n");
	put(&a, v, "a.pyc", "");
	put(&a, v, "__pycache__/a.cpython-311.pyc", "");
	put(&a, v, "__pycache__/__init__.cpython-311.pyc", "");
	c.sourceless = true;
	CHECK_INT(scan(&a, &c, &l, &e), 0); /* every compiled file has its source */
	CHECK_INT(l.n, 1);
	put(&a, v, "__pycache__/b.cpython-311.pyc", "");
	CHECK_INT(scan(&a, &c, &l, &e), -1);
	CHECK_INT(e.code, ERR_INPUT);
	CHECK(str_endswith(e.file, "__pycache__/b.cpython-311.pyc"));
	c.sourceless = false;
	CHECK_INT(scan(&a, &c, &l, &e), 0);
	put(&a, v, "c.pyo", "");
	c.sourceless = true;
	CHECK_INT(scan(&a, &c, &l, &e), -1);
	CHECK(str_endswith(e.file, "/c.pyo"));
	remove_tree(&a, dir);
	arena_release(&a);
}

static void test_scan_10k(void)
{
	struct arena a = ARENA_INIT;
	char *dir = temp_dir(&a), *v = dir ? fs_join(&a, dir, "versions") : NULL;
	struct config c = test_config(&a, dir);
	struct script_list l;
	struct err e;

	CHECK(v && fs_mkdir(v, &e) == 0);
	for (int i = 0; v && i < 10000; i++) {
		char name[64];
		snprintf(name, sizeof(name), "%05d_rev.%s", i, i % 2 ? "sql" : "py");
		if (i % 2)
			put(&a, v, name,
			    arena_printf(&a,
					 "-- rev %d\n--\n-- Revision ID: r%05d\n"
					 "-- Revises: %s\n-- migrate:upgrade\n"
					 "SELECT %d;\n-- migrate:downgrade\n",
					 i, i, i ? arena_printf(&a, "r%05d", i - 1) : "", i));
		else
			put(&a, v, name,
			    arena_printf(
				    &a,
				    "\"\"\"rev %d\"\"\"\nrevision = 'r%05d'\ndown_revision = %s\n"
				    "def upgrade():\n    op.execute(\"SELECT %d\")\n",
				    i, i, i ? arena_printf(&a, "'r%05d'", i - 1) : "None", i));
	}
	CHECK_INT(scan(&a, &c, &l, &e), 0);
	CHECK_INT(l.n, 10000);
	if (l.n == 10000) {
		CHECK_STR(l.v[0]->id, "r00000");
		CHECK_STR(l.v[9999]->id, "r09999");
		CHECK_STR(l.v[9999]->down.v[0], "r09998");
		CHECK_STR(l.v[4242]->upgrade.stmts[0].sql, "SELECT 4242");
	}
	remove_tree(&a, dir);
	arena_release(&a);
}

static const struct unit_test tests[] = {
	UNIT(test_sql_full),
	UNIT(test_sql_minimal_and_crlf),
	UNIT(test_bad_files),
	UNIT(test_py_oracle_files),
	UNIT(test_slug),
	UNIT(test_file_template),
	UNIT(test_rev_id),
	UNIT(test_create_date),
	UNIT(test_write_py_like_alembic),
	UNIT(test_write_sql),
	UNIT(test_write_sql_template),
	UNIT(test_write_mako_refusals),
	UNIT(test_version_dirs),
	UNIT(test_default_format),
	UNIT(test_post_write_hooks),
	UNIT(test_scan_order_and_rules),
	UNIT(test_scan_sql_helpers),
	UNIT(test_scan_missing_versions),
	UNIT(test_scan_sourceless),
	UNIT(test_scan_10k),
	{0},
};

UNIT_MAIN(tests)

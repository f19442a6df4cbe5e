/*
 * t_ini.c - unit tests for src/config/ini.c: ConfigParser parsing rules,
 * errors with file:line, BasicInterpolation, ${VAR} expansion, repr().
 * Expected values were checked against Python 3.11 configparser.
 */
#include "base/arena.h"
#include "base/err.h"
#include "config/ini.h"
#include "unit.h"

/* Parses text; returns the ini or NULL with *e filled. */
static struct ini *parse(struct arena *a, const char *text, struct err *e)
{
	struct ini *ini = NULL;

	err_clear(e);
	if (ini_parse(a, "t.ini", text, strlen(text), "/proj", &ini, e))
		return NULL;
	return ini;
}

/* Value of key in section "a" after interpolation (NULL on error/absent). */
static const char *get(struct arena *a, struct ini *ini, const char *key, struct err *e)
{
	err_clear(e);
	return ini_get(a, ini, "a", key, e);
}

static const char *raw(struct ini *ini, const char *section, const char *key)
{
	const struct ini_entry *ent = ini_lookup(ini, section, key);
	return ent ? ent->raw : NULL;
}

static void test_basic_and_case(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	struct ini *ini = parse(&a, "# c\n; c\n\n[a]\nKey = v\nx: y = z\nw  :  sp  \n  more\n", &e);

	CHECK(ini != NULL);
	CHECK_STR(raw(ini, "a", "key"), "v");
	CHECK_STR(raw(ini, "a", "KEY"), "v");
	CHECK_STR(raw(ini, "a", "x"), "y = z");
	CHECK_STR(raw(ini, "a", "w"), "sp\nmore");
	CHECK(ini_section(ini, "a") != NULL);
	CHECK(ini_section(ini, "A") == NULL);
	CHECK(ini_section(ini, "DEFAULT") == NULL);
	CHECK_INT(ini_lookup(ini, "a", "x")->line, 6);
	arena_release(&a);
}

static void test_inline_comment_is_value(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	struct ini *ini = parse(&a, "[a]\nk = os  # Use os.pathsep.\nj = ; x\n", &e);

	CHECK_STR(raw(ini, "a", "k"), "os  # Use os.pathsep.");
	CHECK_STR(raw(ini, "a", "j"), "; x");
	arena_release(&a);
}

static void test_continuation(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	struct ini *ini =
		parse(&a,
		      "[a]\nk = first\n  second\n\n  third\n  # comment\n\tfourth\n\n\nj = 2\n"
		      "e =\n  cont\n",
		      &e);

	CHECK_STR(raw(ini, "a", "k"), "first\nsecond\n\nthird\nfourth");
	CHECK_INT(ini_lookup(ini, "a", "k")->last_line, 7);
	CHECK_STR(raw(ini, "a", "j"), "2");
	CHECK_STR(raw(ini, "a", "e"), "\ncont");
	/* indentation is relative to the key's own line */
	ini = parse(&a, "  [a]\n  k = v\n   c\n  j = w\n", &e);
	CHECK_STR(raw(ini, "a", "k"), "v\nc");
	CHECK_STR(raw(ini, "a", "j"), "w");
	/* no continuation right after a header */
	ini = parse(&a, "[a]\n  k = v\n", &e);
	CHECK_STR(raw(ini, "a", "k"), "v");
	arena_release(&a);
}

static void test_line_endings_and_space(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	struct ini *ini = parse(&a,
				"[a]\r\nk = v\r\n  c\r\nj = 1\rm = \xe3\x80\x80x\xc2\xa0\n"
				"\xc2\xa0n = 2\n",
				&e);

	CHECK_STR(raw(ini, "a", "k"), "v\nc");
	CHECK_STR(raw(ini, "a", "j"), "1");
	/* U+3000 and U+00A0 are stripped; a line indented by U+00A0 continues m */
	CHECK_STR(raw(ini, "a", "m"), "x\nn = 2");
	CHECK(ini_lookup(ini, "a", "n") == NULL);
	ini = parse(&a, "\xef\xbb\xbf[a]\nk=v", &e); /* BOM skipped, no final newline */
	CHECK_STR(raw(ini, "a", "k"), "v");
	arena_release(&a);
}

static void test_section_headers(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	struct ini *ini = parse(&a, "[ a ]\nk=1\n[b]c]\nk=2\n[d] trailing\nk=3\n", &e);

	CHECK(ini != NULL);
	CHECK_STR(raw(ini, " a ", "k"), "1");
	CHECK_STR(raw(ini, "b]c", "k"), "2");
	CHECK_STR(raw(ini, "d", "k"), "3");
	CHECK_INT(ini->n_sections, 3);
	CHECK_INT(ini->sections[0]->end_line, 2);
	CHECK_INT(ini->sections[2]->end_line, 6);
	arena_release(&a);
}

static void test_default_section(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	struct ini *ini =
		parse(&a, "[DEFAULT]\nd = dd\n[a]\nk = %(d)s-%(here)s\n[DEFAULT]\ne = 1\n", &e);

	CHECK(ini != NULL);
	CHECK_STR(get(&a, ini, "k", &e), "dd-/proj");
	CHECK_STR(get(&a, ini, "e", &e), "1");
	CHECK_STR(get(&a, ini, "here", &e), "/proj");
	/* a file's here replaces the built-in one */
	ini = parse(&a, "[a]\nk=%(here)s\n[DEFAULT]\nhere=/x\n", &e);
	CHECK_STR(get(&a, ini, "k", &e), "/x");
	/* a section's key hides the default */
	ini = parse(&a, "[DEFAULT]\nk=1\n[a]\nk=2\n", &e);
	CHECK_STR(get(&a, ini, "k", &e), "2");
	arena_release(&a);
}

static void test_parse_errors(void)
{
	static const struct {
		const char *text; /* ini text */
		int line;         /* expected error line */
		const char *msg;  /* part of the message */
	} cases[] = {
		{"k = v\n[a]\n", 1, "no section headers"},
		{"# c\n\n[a]\nk = 1\n[a]\n", 5,
		 "section 'a' already exists (first opened on line 3)"},
		{"[a]\nk = 1\nK = 2\n", 3,
		 "option 'k' in section 'a' already exists (first set on line 2)"},
		{"[DEFAULT]\nd = 1\n[DEFAULT]\nd = 2\n", 4, "option 'd' in section 'DEFAULT'"},
		{"[a]\ngarbage\nk = 1\n", 2, "'garbage'"},
		{"[a]\n= v\n", 2, "no key before '='"},
		{"[a]\n= v\nx\n= w\n", 4, "option '' in section 'a' already exists"},
		{"[]\nk=v\n", 1, "no section headers"},
		/* Python keeps k open after the bad line 3: "  [b]" continues k, so line 5
	     * repeats k (DuplicateOptionError) */
		{"[a]\nk :\ngarbage\n  [b]\nk = 2\n", 5,
		 "option 'k' in section 'a' already exists"},
		{"[a]\nk = \xff\n", 2, "not valid UTF-8"},
		{"[a]\n\nk = \xc3\n", 3, "not valid UTF-8"},
	};
	struct arena a = ARENA_INIT;
	struct err e;

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		CHECK(parse(&a, cases[i].text, &e) == NULL);
		CHECK_INT(e.code, ERR_INPUT);
		CHECK_INT(e.line, cases[i].line);
		CHECK_STR(e.file, "t.ini");
		if (!strstr(e.msg, cases[i].msg))
			CHECK_STR(e.msg, cases[i].msg);
	}
	/* a NUL byte (ini_parse takes a length) */
	err_clear(&e);
	CHECK(ini_parse(&a, "t.ini", "[a]\nk=\0\n", 8, NULL, &(struct ini *){NULL}, &e) == -1);
	CHECK_INT(e.line, 2);
	CHECK(strstr(e.msg, "NUL") != NULL);
	arena_release(&a);
}

static void test_interpolation(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	struct ini *ini = parse(&a,
				"[a]\nk = %%x %(K2)s\nk2 = v%%\nt = %%(rev)s_%%(slug)s\n"
				"j = %(one)s%(one)s\none = 1\np = 50%%\nh = %(here)s/m\n",
				&e);

	CHECK_STR(get(&a, ini, "k", &e), "%x v%");
	CHECK_STR(get(&a, ini, "t", &e), "%(rev)s_%(slug)s");
	CHECK_STR(get(&a, ini, "j", &e), "11");
	CHECK_STR(get(&a, ini, "p", &e), "50%");
	CHECK_STR(get(&a, ini, "h", &e), "/proj/m");
	CHECK(get(&a, ini, "absent", &e) == NULL);
	CHECK_INT(e.code, ERR_OK);
	arena_release(&a);
}

static void test_interpolation_errors(void)
{
	static const struct {
		const char *text; /* [a] body; the key asked for is k */
		const char *msg;  /* part of the message */
	} cases[] = {
		{"x = 1\nk = 50%\n", "'%' must be followed by '%' or '(', found: '%'"},
		{"x = 1\nk = %x\n", "found: '%x'"},
		{"x = 1\nk = %(x\n", "bad interpolation variable reference '%(x'"},
		{"x = 1\nk = %(x)d\n", "bad interpolation variable reference '%(x)d'"},
		{"x = 1\nk = %()s\n", "bad interpolation variable reference"},
		{"x = 1\nk = %(nope)s\n", "interpolation key 'nope' is not a valid option name"},
		{"x = 1\nk = %(k)s\n", "Recursion limit exceeded"},
	};
	struct arena a = ARENA_INIT;
	struct err e;

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct ini *ini = parse(&a, arena_printf(&a, "[a]\n%s", cases[i].text), &e);
		CHECK(ini != NULL);
		CHECK(get(&a, ini, "k", &e) == NULL);
		CHECK_INT(e.code, ERR_INPUT);
		CHECK_INT(e.line, 3);
		CHECK(strstr(e.msg, "option 'k' in section 'a'") != NULL);
		if (!strstr(e.msg, cases[i].msg))
			CHECK_STR(e.msg, cases[i].msg);
	}
	arena_release(&a);
}

/* A chain k0 -> k1 -> ... -> k<n> = "x%%": Python allows 9 links, fails at 10. */
static void test_interpolation_depth(void)
{
	struct arena a = ARENA_INIT;
	struct err e;

	for (int n = 9; n <= 10; n++) {
		char *text = arena_strdup(&a, "[a]\n");
		struct ini *ini;
		const char *v;

		for (int i = 0; i < n; i++)
			text = arena_printf(&a, "%sk%d = %%(k%d)s\n", text, i, i + 1);
		text = arena_printf(&a, "%sk%d = x%%%%\n", text, n);
		ini = parse(&a, text, &e);
		v = get(&a, ini, "k0", &e);
		if (n == 9) {
			CHECK_STR(v, "x%");
		} else {
			CHECK(v == NULL);
			CHECK(strstr(e.msg, "Recursion limit exceeded") != NULL);
			CHECK_STR(get(&a, ini, "k1", &e), "x%");
		}
	}
	arena_release(&a);
}

/* A value that doubles at every level must stop at INI_VALUE_MAX, not eat memory. */
static void test_interpolation_blowup(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	char *text = arena_strdup(
		&a, "[a]\nk0 = xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx%%\n");
	struct ini *ini;

	for (int i = 1; i <= 9; i++)
		text = arena_printf(&a, "%sk%d = %%(k%d)s%%(k%d)s%%(k%d)s%%(k%d)s%%(k%d)s\n", text,
				    i, i - 1, i - 1, i - 1, i - 1, i - 1);
	ini = parse(&a, text, &e);
	CHECK(get(&a, ini, "k9", &e) == NULL);
	CHECK(strstr(e.msg, "longer than") != NULL);
	arena_release(&a);
}

static void test_env_expansion(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	struct ini *ini;

	setenv("T_INI_SET", "pg://u:p%40w@h/db", 1);
	setenv("T_INI_EMPTY", "", 1);
	unsetenv("T_INI_UNSET");
	ini = parse(&a,
		    "[a]\nu = ${T_INI_SET}\nd = ${T_INI_UNSET:-sqlite:///app.db}\n"
		    "e = ${T_INI_EMPTY:-dflt}\nf = ${T_INI_EMPTY}\nm = $$HOME $x a$\n"
		    "i = %(u)s/x\nk = ${T_INI_UNSET}\nb = ${1X}\nc = ${T_INI_SET-x}\n"
		    "o = ${T_INI_SET\nh = %(here)s\n",
		    &e);
	CHECK_STR(get(&a, ini, "u", &e), "pg://u:p%40w@h/db");
	CHECK_STR(get(&a, ini, "d", &e), "sqlite:///app.db");
	CHECK_STR(get(&a, ini, "e", &e), "dflt");
	CHECK_STR(get(&a, ini, "f", &e), "");
	CHECK_STR(get(&a, ini, "m", &e), "$HOME $x a$");
	CHECK_STR(get(&a, ini, "i", &e), "pg://u:p%40w@h/db/x");
	CHECK(get(&a, ini, "k", &e) == NULL);
	CHECK_INT(e.line, 8);
	CHECK(strstr(e.msg, "T_INI_UNSET is not set") != NULL);
	CHECK(get(&a, ini, "b", &e) == NULL);
	CHECK(strstr(e.msg, "bad environment reference '${1X}'") != NULL);
	CHECK(get(&a, ini, "c", &e) == NULL);
	CHECK_INT(e.line, 10);
	CHECK(get(&a, ini, "o", &e) == NULL);
	CHECK(strstr(e.msg, "unterminated") != NULL);
	arena_release(&a);
}

/* The built-in here is literal: '%' and '$' in the directory stay. */
static void test_here_literal(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	struct ini *ini = NULL;
	const char *text = "[a]\nk = %(here)s/x\n";

	err_clear(&e);
	CHECK(ini_parse(&a, "t.ini", text, strlen(text), "/p/50%/${HOME}", &ini, &e) == 0);
	CHECK_STR(get(&a, ini, "k", &e), "/p/50%/${HOME}/x");
	CHECK_STR(get(&a, ini, "here", &e), "/p/50%/${HOME}");
	arena_release(&a);
}

static void test_repr(void)
{
	struct arena a = ARENA_INIT;

	CHECK_STR(ini_repr(&a, "alembic.ini"), "'alembic.ini'");
	CHECK_STR(ini_repr(&a, "it's"), "\"it's\"");
	CHECK_STR(ini_repr(&a, "a'b\"c"), "'a\\'b\"c'");
	CHECK_STR(ini_repr(&a, "t\tn\nb\\"), "'t\\tn\\nb\\\\'");
	CHECK_STR(ini_repr(&a, "\x01\x7f"), "'\\x01\\x7f'");
	CHECK_STR(ini_repr(&a, "\xc3\xa9\xc2\xa0\xe2\x80\xa8"), "'\xc3\xa9\\xa0\\u2028'");
	arena_release(&a);
}

/* configparser quotes the rest of a value in its errors; a URL with a
 * password must not be echoed (the password would leak into output). */
static void test_errors_hide_credentials(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	struct ini *ini = parse(&a,
				"[a]\nurl = postgresql://u:p%40ss@h/db\n"
				"u2 = postgresql://u:se%(nokey)scret@h/db\n"
				"u3 = postgresql://u:pw@h/${UNTERMINATED\n"
				"plain = 50%\n",
				&e);
	CHECK(ini != NULL);
	CHECK(get(&a, ini, "url", &e) == NULL);
	CHECK_INT(e.code, ERR_INPUT);
	CHECK(strstr(e.msg, "'%' must be followed by '%' or '('") != NULL);
	CHECK(strstr(e.msg, "40ss") == NULL && strstr(e.msg, "p%") == NULL);
	CHECK(get(&a, ini, "u2", &e) == NULL);
	CHECK(strstr(e.msg, "cret") == NULL && strstr(e.msg, "se%") == NULL);
	CHECK(get(&a, ini, "u3", &e) == NULL);
	CHECK(strstr(e.msg, "pw") == NULL);
	/* values that are not URLs with credentials are still quoted, as Python does */
	CHECK(get(&a, ini, "plain", &e) == NULL);
	CHECK(strstr(e.msg, "found: '%'") != NULL);
	arena_release(&a);
}

static void test_lines_kept(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	struct ini *ini = parse(&a, "[a]\r\nk = v\r\n  c\r\n\r\n# x\n", &e);

	CHECK_INT(ini->n_lines, 5);
	CHECK_INT(ini->lines[0].kind, INI_SECTION);
	CHECK_INT(ini->lines[1].kind, INI_OPTION);
	CHECK_INT(ini->lines[2].kind, INI_CONTINUATION);
	CHECK_INT(ini->lines[3].kind, INI_BLANK);
	CHECK_INT(ini->lines[4].kind, INI_COMMENT);
	CHECK_INT(ini->lines[1].eol, 2);
	CHECK_INT(ini->lines[4].eol, 1);
	CHECK_INT(ini->lines[2].off, 12);
	arena_release(&a);
}

static const struct unit_test tests[] = {
	UNIT(test_basic_and_case),
	UNIT(test_inline_comment_is_value),
	UNIT(test_continuation),
	UNIT(test_line_endings_and_space),
	UNIT(test_section_headers),
	UNIT(test_default_section),
	UNIT(test_parse_errors),
	UNIT(test_interpolation),
	UNIT(test_interpolation_errors),
	UNIT(test_interpolation_depth),
	UNIT(test_interpolation_blowup),
	UNIT(test_env_expansion),
	UNIT(test_here_literal),
	UNIT(test_repr),
	UNIT(test_lines_kept),
	UNIT(test_errors_hide_credentials),
	{0},
};

UNIT_MAIN(tests)

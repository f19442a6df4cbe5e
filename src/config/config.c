/*
 * config.c - the effective configuration (config.h): Alembic's Config
 * (config.py) and ScriptDirectory.from_config (script/base.py) over the ini
 * parser, our keys for the settings Alembic keeps in env.py, the listing for
 * `alembic config`, and the in-place rewrite for `alembic config --set`.
 */
#include "config/config.h"

#include "base/buf.h"
#include "base/fs.h"
#include "base/str.h"
#include "config/ini.h"

#define CONFIG_DEFAULT_SECTION "alembic"
#define CONFIG_LOCK_TIMEOUT_MAX_S 31536000L /* one year: anything longer is a typo */

const char *config_default_path(void)
{
	const char *env = getenv("ALEMBIC_CONFIG");

	return env && *env ? env : "alembic.ini";
}

/* config.py Config.get_section_option: the missing-file/section text. */
static int config_no_section(struct arena *a, const char *path, const char *section, struct err *e)
{
	return err_set(e, ERR_COMMAND, "No config file %s found, or file has no '[%s]' section",
		       ini_repr(a, path), section);
}

/* Reads and parses the ini; a missing file (or a directory) is Alembic's
 * "No config file" error, since every command then fails its first lookup. */
static int config_read(struct arena *a, struct config *c, struct err *e)
{
	struct stat st;

	if (stat(c->ini_path, &st) != 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return config_no_section(a, c->ini_path, c->section, e);
		return err_at(e, ERR_IO, c->ini_path, 0, "%s: %s", c->ini_path, strerror(errno));
	}
	if (S_ISDIR(st.st_mode))
		return config_no_section(a, c->ini_path, c->section, e);
	if (ini_load(a, c->ini_path, c->here, &c->ini, e))
		return -1;
	if (!ini_section(c->ini, c->section))
		return config_no_section(a, c->ini_path, c->section, e);
	return 0;
}

const char *config_get(struct arena *a, const struct config *c, const char *key, struct err *e)
{
	return ini_get(a, c->ini, c->section, key, e);
}

const struct config_env *config_env_find(const struct config *c, const char *key)
{
	const struct config_env *found = NULL;

	for (size_t i = 0; i < c->n_env; i++)
		if (!c->env[i].section && !strcmp(c->env[i].key, key))
			found = &c->env[i];
	return found;
}

/* Line of key in the main section (or [DEFAULT]), for messages. */
static int config_line(const struct config *c, const char *key)
{
	const struct config_env *env = config_env_find(c, key);
	const struct ini_entry *ent = ini_lookup(c->ini, c->section, key);

	if (env)
		return env->line;
	return ent ? ent->line : 0;
}

/* The file a key's value comes from (env.py or the ini), for messages. */
static const char *config_file(const struct config *c, const char *key)
{
	return config_env_find(c, key) ? c->env_path : c->ini->path;
}

/* Expanded value of key (env.py's when it sets the key); *out = dflt if
 * absent, or if env.py's value cannot be known (config_derive_env reports). */
static int config_str(struct arena *a, const struct config *c, const char *key, const char *dflt,
		      const char **out, struct err *e)
{
	const struct config_env *env = config_env_find(c, key);
	const char *v;

	if (env) {
		*out = env->err ? dflt : env->value;
		return 0;
	}
	e->code = ERR_OK;
	v = config_get(a, c, key, e);
	if (!v && e->code != ERR_OK)
		return -1;
	*out = v ? v : dflt;
	return 0;
}

/* A boolean as sqlalchemy.util.asbool reads it; anything else is an error. */
static int config_bool(struct arena *a, const struct config *c, const char *key, bool dflt,
		       bool *out, struct err *e)
{
	const char *v;
	int b;

	if (config_str(a, c, key, NULL, &v, e))
		return -1;
	if (!v) {
		*out = dflt;
		return 0;
	}
	b = str_to_bool(str_strip(a, v));
	if (b < 0)
		return err_at(e, ERR_INPUT, config_file(c, key), config_line(c, key),
			      "%s: expected true/yes/on/1 or false/no/off/0, got %s", key,
			      ini_repr(a, v));
	*out = b == 1;
	return 0;
}

/* truncate_slug_length: Python int(); 0 (Alembic: `or 40`) and absent mean 40. */
static int config_slug_length(struct arena *a, struct config *c, struct err *e)
{
	const char *v;
	long n;

	if (config_str(a, c, "truncate_slug_length", NULL, &v, e))
		return -1;
	c->truncate_slug_length = 40;
	if (!v)
		return 0;
	if (str_to_long(str_strip(a, v), &n) || n < 0 || n > INT_MAX)
		return err_at(e, ERR_INPUT, c->ini->path, config_line(c, "truncate_slug_length"),
			      "truncate_slug_length: expected a whole number >= 0, got %s",
			      ini_repr(a, v));
	if (n)
		c->truncate_slug_length = (int)n;
	return 0;
}

/* lock_timeout: seconds with up to three decimals ("60", "2.5"); default 60. */
static int config_lock_timeout(struct arena *a, struct config *c, struct err *e)
{
	const char *v, *p;
	long ms = 0, scale = 1000;

	if (config_str(a, c, "lock_timeout", NULL, &v, e))
		return -1;
	c->lock_timeout_ms = 60000;
	if (!v)
		return 0;
	p = v = str_strip(a, v);
	while (str_isdigit(*p) && ms <= CONFIG_LOCK_TIMEOUT_MAX_S * 1000)
		ms = ms * 10 + (*p++ - '0') * 1000;
	if (*p == '.' && p > v)
		for (p++; str_isdigit(*p) && scale > 1; p++)
			ms += (*p - '0') * (scale /= 10);
	if (p == v || *p || ms > CONFIG_LOCK_TIMEOUT_MAX_S * 1000)
		return err_at(
			e, ERR_INPUT, config_file(c, "lock_timeout"),
			config_line(c, "lock_timeout"),
			"lock_timeout: expected seconds (e.g. 60 or 2.5, at most %ld), got %s",
			CONFIG_LOCK_TIMEOUT_MAX_S, ini_repr(a, v));
	c->lock_timeout_ms = ms;
	return 0;
}

/* "package:resource" (util.coerce_resource_to_filename) needs Python. */
static int config_abs_location(struct arena *a, const struct config *c, const char *key,
			       const char *path, const char **out, struct err *e)
{
	if (path[0] != '/' && strchr(path, ':'))
		return err_at(e, ERR_INPUT, config_file(c, key), config_line(c, key),
			      "%s: %s names a Python package resource ('package:dir'), which needs "
			      "Python to resolve; use a directory path (e.g. %%(here)s/migrations)",
			      key, ini_repr(a, path));
	*out = fs_abspath(a, path);
	return 0;
}

/*
 * The separator keyword: path_separator (Alembic 1.16) else
 * version_path_separator; NULL when neither is set.  A trailing
 * "  # comment" is dropped for these two keys only: the 1.8.1 template wrote
 * `version_path_separator = os  # Use os.pathsep. ...` and Alembic 1.14.1+
 * reads such projects fine, so we do too.
 */
static int config_separator(struct arena *a, const struct config *c, const char **key,
			    const char **out, struct err *e)
{
	const char *v, *hash;

	*key = "path_separator";
	if (config_str(a, c, *key, NULL, &v, e))
		return -1;
	if (!v) {
		*key = "version_path_separator";
		if (config_str(a, c, *key, NULL, &v, e))
			return -1;
	}
	if (v && (hash = strchr(v, '#')) && hash > v && str_isspace(hash[-1]))
		v = str_strip(a, arena_strndup(a, v, (size_t)(hash - v)));
	*out = v;
	return 0;
}

/* Splits value at sep, dropping empty items ('\n': items are also stripped). */
static void config_split_char(struct arena *a, const char *value, char sep, struct strvec *out)
{
	const char *p = value;

	for (;;) {
		const char *end = strchr(p, sep);
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char *item = arena_strndup(a, p, n);

		if (sep == '\n')
			item = str_strip(a, item);
		if (*item)
			strvec_push(a, out, item);
		if (!end)
			break;
		p = end + 1;
	}
}

/* script/base.py _split_on_space_comma = re.compile(r", *|(?: +)"); empty
 * items (", ," or " ,") are dropped, where Alembic would keep "" = the CWD. */
static void config_split_legacy(struct arena *a, const char *value, struct strvec *out)
{
	const char *p = value, *start = value;

	while (*p) {
		const char *next = p;

		if (*p == ',')
			for (next++; *next == ' '; next++)
				;
		else if (*p == ' ')
			while (*next == ' ')
				next++;
		if (next == p) {
			p++;
			continue;
		}
		if (p > start)
			strvec_push(a, out, arena_strndup(a, start, (size_t)(p - start)));
		p = start = next;
	}
	if (p > start)
		strvec_push(a, out, arena_strndup(a, start, (size_t)(p - start)));
}

/* ScriptDirectory.from_config: version_locations per the separator. */
static int config_version_locations(struct arena *a, struct config *c, struct err *e)
{
	static const char *const names[] = {"os", ":", ";", "space", "newline"};
	static const char seps[] = {':', ':', ';', ' ', '\n'};
	struct strvec items = STRVEC_INIT;
	const char *v, *sep, *sep_key;
	size_t i;

	if (config_str(a, c, "version_locations", NULL, &v, e))
		return -1;
	if (!v || !*v) {
		strvec_push(a, &c->version_locations, fs_join(a, c->script_location, "versions"));
		return 0;
	}
	c->version_locations_configured = true;
	if (config_separator(a, c, &sep_key, &sep, e))
		return -1;
	for (i = 0; sep && i < sizeof(names) / sizeof(*names) && strcmp(sep, names[i]); i++)
		;
	if (sep && i == sizeof(names) / sizeof(*names))
		return err_at(e, ERR_INPUT, c->ini->path, config_line(c, sep_key),
			      "%s is not a valid value for %s; expected 'space', 'os', ':', ';' or "
			      "'newline'",
			      ini_repr(a, sep), sep_key);
	c->version_path_separator = sep;
	if (sep)
		config_split_char(a, v, seps[i], &items);
	else
		config_split_legacy(a, v, &items);
	for (i = 0; i < items.n; i++) {
		const char *abs = NULL;

		if (config_abs_location(a, c, "version_locations", items.v[i], &abs, e))
			return -1;
		strvec_push(a, &c->version_locations, abs);
	}
	return 0;
}

static int config_script_location(struct arena *a, struct config *c, struct err *e)
{
	const char *v;

	if (config_str(a, c, "script_location", NULL, &v, e))
		return -1;
	if (!v)
		return err_set(e, ERR_COMMAND, "No 'script_location' key found in configuration.");
	c->script_location_raw = v;
	return config_abs_location(a, c, "script_location", v, &c->script_location, e);
}

/* The settings Alembic keeps in env.py's context.configure(), as ini keys. */
static int config_env_keys(struct arena *a, struct config *c, struct err *e)
{
	const char *schema;

	if (config_str(a, c, "version_table", "alembic_version", &c->version_table, e) ||
	    config_str(a, c, "version_table_schema", NULL, &schema, e) ||
	    config_bool(a, c, "version_table_pk", true, &c->version_table_pk, e) ||
	    config_bool(a, c, "transaction_per_migration", false, &c->transaction_per_migration,
			e) ||
	    config_str(a, c, "revision_format", NULL, &c->revision_format, e) ||
	    config_str(a, c, "target_metadata", NULL, &c->target_metadata, e) ||
	    config_bool(a, c, "include_schemas", false, &c->include_schemas, e) ||
	    config_bool(a, c, "render_as_batch", false, &c->render_as_batch, e) ||
	    config_bool(a, c, "compare_type", false, &c->compare_type, e) ||
	    config_bool(a, c, "compare_server_default", false, &c->compare_server_default, e) ||
	    config_lock_timeout(a, c, e))
		return -1;
	c->version_table = str_strip(a, c->version_table);
	if (!*c->version_table)
		return err_at(e, ERR_INPUT, config_file(c, "version_table"),
			      config_line(c, "version_table"),
			      "version_table: the table name must not be empty");
	schema = schema ? str_strip(a, schema) : NULL;
	c->version_table_schema = schema && *schema ? schema : NULL;
	if (!c->revision_format)
		return 0; /* absent: the script module picks by the project's templates */
	c->revision_format = str_lower(a, str_strip(a, c->revision_format));
	if (strcmp(c->revision_format, "sql") && strcmp(c->revision_format, "py"))
		return err_at(e, ERR_INPUT, config_file(c, "revision_format"),
			      config_line(c, "revision_format"),
			      "revision_format: expected 'sql' or 'py', got %s",
			      ini_repr(a, c->revision_format));
	return 0;
}

/* sqlalchemy.url: read now, but an unexpandable value only fails the
 * commands that connect (Alembic's env.py reads it; heads/history do not).
 * env.py's value wins; an env.py that cannot be read (env_err) fails the
 * same commands, whatever the URL. */
static void config_url(struct arena *a, struct config *c)
{
	const struct config_env *env = config_env_find(c, "sqlalchemy.url");
	struct err *ue = arena_alloc(a, sizeof(*ue));

	err_clear(ue);
	if (env)
		c->url = env->value;
	else
		c->url = config_get(a, c, "sqlalchemy.url", ue);
	c->url_err = ue->code != ERR_OK ? ue : NULL;
	if (c->env_err) {
		c->url = NULL;
		c->url_err = c->env_err;
	}
}

/* The keys the commands that run the environment need (config_env_keys and
 * the URL): an env.py value of one of them that cannot be known is an error
 * for those commands, never a silent fallback to the ini's value. */
static const char *const config_needed_keys[] = {
	"sqlalchemy.url",
	"version_table",
	"version_table_schema",
	"version_table_pk",
	"transaction_per_migration",
	"lock_timeout",
	NULL,
};

int config_derive_env(struct arena *a, struct config *c, struct err *e)
{
	for (const char *const *k = config_needed_keys; *k && !c->env_err; k++) {
		const struct config_env *env = config_env_find(c, *k);
		if (env && env->err)
			c->env_err = env->err;
	}
	if (config_env_keys(a, c, e))
		return -1;
	config_url(a, c);
	return 0;
}

/* The keys ScriptDirectory.from_config reads besides locations. */
static int config_script_keys(struct arena *a, struct config *c, struct err *e)
{
	const char *sourceless, *tz;

	if (config_str(a, c, "file_template", "%(rev)s_%(slug)s", &c->file_template, e) ||
	    config_slug_length(a, c, e) || config_str(a, c, "sourceless", NULL, &sourceless, e) ||
	    config_str(a, c, "output_encoding", "utf-8", &c->output_encoding, e) ||
	    config_str(a, c, "timezone", NULL, &tz, e) ||
	    config_bool(a, c, "revision_environment", false, &c->revision_environment, e) ||
	    config_bool(a, c, "recursive_version_locations", false, &c->recursive_version_locations,
			e))
		return -1;
	c->sourceless = str_eq(sourceless, "true");
	c->timezone = tz && *tz ? tz : NULL;
	return 0;
}

int config_load(struct arena *a, const char *path, const char *section, struct config *out,
		struct err *e)
{
	struct config *c = out;

	memset(c, 0, sizeof(*c));
	c->ini_path = arena_strdup(a, path ? path : config_default_path());
	c->section = arena_strdup(a, section ? section : CONFIG_DEFAULT_SECTION);
	c->ini_abspath = fs_abspath(a, c->ini_path);
	c->here = fs_abspath(a, fs_dirname(a, c->ini_path));
	if (config_read(a, c, e) || config_script_location(a, c, e) ||
	    config_script_keys(a, c, e) || config_version_locations(a, c, e) ||
	    config_env_keys(a, c, e))
		return -1;
	config_url(a, c);
	return 0;
}

int config_check_script_location(const struct config *c, struct err *e)
{
	struct arena a = ARENA_INIT;
	int rc = 0;

	if (!fs_exists(c->script_location))
		rc = err_set(
			e, ERR_COMMAND,
			"Path doesn't exist: %s.  Please use the 'init' command to create a new "
			"scripts folder.",
			ini_repr(&a, c->script_location));
	else if (!fs_is_dir(c->script_location))
		rc = err_set(e, ERR_COMMAND, "script_location %s is not a directory",
			     ini_repr(&a, c->script_location));
	arena_release(&a);
	return rc;
}

/* ---- listing (`alembic config`) ---------------------------------------- */

static void config_setting_fill(struct arena *a, const struct config *c,
				const struct ini_entry *ent, bool is_default,
				struct config_setting *s)
{
	struct strvec vars = STRVEC_INIT;
	struct err e;

	err_clear(&e);
	memset(s, 0, sizeof(*s));
	s->key = ent->key;
	s->raw = ent->raw;
	s->line = ent->line;
	s->is_default = is_default;
	s->value = ini_expand_entry_vars(a, c->ini, c->section, ent, &vars, &e);
	s->error = s->value ? NULL : arena_strdup(a, e.msg);
	s->vars = vars.n ? strvec_join(a, &vars, ", ") : NULL;
}

/* env.py's entry for s->key, when there is one, decides the value. */
static void config_setting_env(const struct config *c, struct config_setting *s)
{
	const struct config_env *env = config_env_find(c, s->key);

	if (!env)
		return;
	s->env = env;
	s->value = env->value;
	s->error = env->err ? env->err->msg : NULL;
	s->env_err = env->err;
}

/* Appends the keys only env.py sets (main section), first occurrence order. */
static size_t config_settings_env_only(const struct config *c, struct config_setting *v,
				       size_t count)
{
	for (size_t i = 0; i < c->n_env; i++) {
		const struct config_env *env = &c->env[i];
		bool seen = env->section != NULL;

		for (size_t j = 0; j < count && !seen; j++)
			seen = !strcmp(v[j].key, env->key);
		if (seen)
			continue;
		memset(&v[count], 0, sizeof(v[count]));
		v[count].key = env->key;
		config_setting_env(c, &v[count++]);
	}
	return count;
}

void config_settings(struct arena *a, const struct config *c, struct config_setting **out,
		     size_t *n)
{
	const struct ini_section *sec = ini_section(c->ini, c->section);
	const struct ini_section *d = &c->ini->defaults;
	size_t count = 0, max = (sec ? sec->n : 0) + d->n + c->n_env;
	struct config_setting *v = arena_calloc(a, max ? max : 1, sizeof(*v));

	for (size_t i = 0; sec && i < sec->n; i++)
		config_setting_fill(a, c, &sec->entries[i], false, &v[count++]);
	for (size_t i = 0; i < d->n; i++) {
		bool shadowed = false;

		for (size_t j = 0; sec && j < sec->n && !shadowed; j++)
			shadowed = !strcmp(sec->entries[j].key, d->entries[i].key);
		if (!shadowed && !d->entries[i].is_literal)
			config_setting_fill(a, c, &d->entries[i], true, &v[count++]);
	}
	for (size_t i = 0; i < count; i++)
		config_setting_env(c, &v[i]);
	*n = config_settings_env_only(c, v, count);
	*out = v;
}

/* ---- rewrite (`alembic config --set`) ---------------------------------- */

/* Rejects what could not be written as one "key = value" line that reads
 * back as given. */
static int config_check_assignment(const char *key, const char *value, struct err *e)
{
	size_t kn = strlen(key), vn = strlen(value);

	if (!kn || strpbrk(key, "=:\r\n") || strchr("[#;", key[0]) || str_isspace(key[0]) ||
	    str_isspace(key[kn - 1]) || !str_valid_utf8(key, kn))
		return err_set(
			e, ERR_USAGE,
			"invalid key '%s': a key must be non-empty UTF-8 text without '=', ':', "
			"line breaks or surrounding white space, not starting with '[', '#' or ';'",
			key);
	if (strpbrk(value, "\r\n") || !str_valid_utf8(value, vn) ||
	    (vn && (str_isspace(value[0]) || str_isspace(value[vn - 1]))))
		return err_set(
			e, ERR_USAGE,
			"invalid value for '%s': a value must be one line of UTF-8 text without "
			"surrounding white space",
			key);
	return 0;
}

/* value with '%' doubled, so ConfigParser interpolation gives value back. */
static char *config_escape_percent(struct arena *a, const char *value)
{
	struct buf b = BUF_INIT;
	char *out;

	for (const char *p = value; *p; p++) {
		if (*p == '%')
			buf_addch(&b, '%');
		buf_addch(&b, *p);
	}
	out = buf_to_arena(&b, a);
	buf_release(&b);
	return out;
}

/* The line terminator new lines get: the file's first one, else "\n". */
static const char *config_eol(const struct ini *ini)
{
	for (size_t i = 0; i < ini->n_lines; i++) {
		const struct ini_line *l = &ini->lines[i];
		if (l->eol)
			return l->eol == 2                          ? "\r\n"
			       : ini->text[l->off + l->len] == '\r' ? "\r"
								    : "\n";
	}
	return "\n";
}

/* Appends line idx (0-based) with its terminator, or with eol if it has none. */
static void config_copy_line(struct buf *b, const struct ini *ini, size_t idx, const char *eol)
{
	const struct ini_line *l = &ini->lines[idx];

	buf_add(b, ini->text + l->off, l->len + l->eol);
	if (!l->eol)
		buf_adds(b, eol);
}

/* The existing key's line with its value replaced: "<indent>key<ws>=<ws>" kept. */
static void config_replace_line(struct buf *b, const struct ini *ini, const struct ini_entry *ent,
				const char *value)
{
	const struct ini_line *l = &ini->lines[ent->line - 1];
	const char *p = ini->text + l->off, *end = p + l->len;
	const char *d = p, *after;

	while (d < end && *d != '=' && *d != ':')
		d++;
	after = d + 1;
	while (after < end && (*after == ' ' || *after == '\t'))
		after++;
	if (!*value) {
		buf_add(b, p, (size_t)(d + 1 - p));
	} else {
		buf_add(b, p, (size_t)(after - p));
		if (after == d + 1 && d > p && d[-1] == ' ')
			buf_addch(b, ' ');
		buf_adds(b, value);
	}
	buf_add(b, end, l->eol);
}

/* 1-based line after which a new key of sec goes: its last non-blank line,
 * leaving a comment block that sits right above the next header to it. */
static int config_insert_after(const struct ini *ini, const struct ini_section *sec)
{
	int last = sec->end_line;

	if ((size_t)last < ini->n_lines)
		while (last > sec->line && ini->lines[last - 1].kind == INI_COMMENT)
			last--;
	while (last > sec->line && ini->lines[last - 1].kind == INI_BLANK)
		last--;
	return last;
}

/* Builds the new file text into b; lower is key lower-cased. */
static void config_render(struct buf *b, const struct ini *ini, const struct ini_section *sec,
			  const char *section, const char *key, const char *lower,
			  const char *value)
{
	const char *eol = config_eol(ini);
	const struct ini_entry *ent = NULL;
	int after = sec ? config_insert_after(ini, sec) : 0;

	for (size_t i = 0; sec && i < sec->n && !ent; i++)
		if (!strcmp(sec->entries[i].key, lower))
			ent = &sec->entries[i];
	buf_add(b, ini->text, ini->n_lines ? ini->lines[0].off : ini->len);
	for (size_t i = 0; i < ini->n_lines; i++) {
		int lineno = (int)i + 1;
		bool more = (!ent && lineno == after) || (!sec && i + 1 == ini->n_lines);

		if (ent && lineno == ent->line) {
			config_replace_line(b, ini, ent, value);
			continue;
		}
		if (ent && lineno > ent->line && lineno <= ent->last_line &&
		    ini->lines[i].kind != INI_COMMENT)
			continue;
		config_copy_line(b, ini, i, more ? eol : "");
		if (sec && !ent && lineno == after)
			buf_addf(b, "%s = %s%s", key, value, eol);
	}
	if (!sec)
		buf_addf(b, "%s[%s]%s%s = %s%s", b->len ? eol : "", section, eol, key, value, eol);
}

/* Parses the new text again: the key must read back with exactly raw. */
static int config_verify(struct arena *a, const char *path, const struct buf *b,
			 const char *section, const char *key, const char *raw, struct err *e)
{
	struct ini *ini;
	const struct ini_entry *ent;

	if (ini_parse(a, path, b->ptr, b->len, NULL, &ini, e)) {
		/* the input parsed, so the rewrite made it unreadable: refuse, saying why */
		char why[ERR_MSG_MAX];
		snprintf(why, sizeof(why), "%s", e->msg);
		return err_at(e, ERR_INPUT, path, 0,
			      "cannot set %s here: the rewritten file would not read it back as "
			      "written (%s; nothing was changed)",
			      key, why);
	}
	ent = ini_lookup(ini, section, key);
	if (!ent || strcmp(ent->raw, raw) || !ini_section(ini, section))
		return err_at(e, ERR_INPUT, path, 0,
			      "cannot set %s here: the rewritten file would not read it back as "
			      "written (nothing was changed)",
			      key);
	return 0;
}

int config_rewrite(struct arena *a, const char *path, const char *text, size_t len,
		   const char *section, const char *key, const char *value, char **out,
		   size_t *out_len, struct err *e)
{
	struct buf b = BUF_INIT;
	struct ini *ini;
	char *raw;
	int rc = -1;

	section = section ? section : CONFIG_DEFAULT_SECTION;
	if (config_check_assignment(key, value, e))
		return -1;
	if (!strcmp(section, "DEFAULT") || strpbrk(section, "\r\n") || !*section)
		return err_set(e, ERR_USAGE, "cannot set keys in section '%s'", section);
	if (ini_parse(a, path, text, len, NULL, &ini, e))
		return -1;
	raw = config_escape_percent(a, value);
	config_render(&b, ini, ini_section(ini, section), section, key, str_lower(a, key), raw);
	if (config_verify(a, path, &b, section, key, raw, e))
		goto release_buf;
	*out_len = b.len;
	*out = buf_to_arena(&b, a);
	rc = 0;
release_buf:
	buf_release(&b);
	return rc;
}

int config_set_value(struct arena *a, const char *ini_path, const char *section, const char *key,
		     const char *value, struct err *e)
{
	const char *path = ini_path ? ini_path : config_default_path();
	char *target, *data, *text;
	size_t len, text_len;
	int rc = -1;

	if (!fs_is_file(path))
		return config_no_section(a, path, section ? section : CONFIG_DEFAULT_SECTION, e);
	target = realpath(path, NULL);
	if (!target)
		return err_at(e, ERR_IO, path, 0, "%s: %s", path, strerror(errno));
	if (fs_read_file(a, path, &data, &len, e) ||
	    config_rewrite(a, path, data, len, section, key, value, &text, &text_len, e))
		goto free_target;
	rc = fs_write_file(target, text, text_len, false, e);
free_target:
	free(target);
	return rc;
}

/*
 * hooks.c - post-write hooks run on a freshly written revision file
 * (write_hooks.py _run_hooks), configured in the ini's [post_write_hooks]
 * section.  Alembic 1.8.1 knows one hook type, console_scripts, which runs
 * a Python entry point; natively the entry point is the executable of the
 * same name on PATH (how pip installs console scripts: black, ruff, ...),
 * given the same argument list.  Its output goes straight to our stdout and
 * its exit status is ignored, as subprocess.run() without check does.
 */
#include "script/script.h"

#include "base/buf.h"
#include "base/fs.h"
#include "base/str.h"

#define HOOK_TOKEN "REVISION_SCRIPT_FILENAME"

static const char *hook_opt(const struct script_hook_opt *cfg, size_t n, const char *key)
{
	const char *v = NULL;

	for (size_t i = 0; i < n; i++)
		if (!strcmp(cfg[i].key, key))
			v = cfg[i].value;
	return v;
}

/* base.py _split_on_space_comma.split(): ", *" or " +" separate; empty names dropped. */
static void split_names(struct arena *a, const char *s, struct strvec *out)
{
	while (s && *s) {
		size_t n = strcspn(s, ", ");
		if (n)
			strvec_push(a, out, arena_strndup(a, s, n));
		s += n;
		s += strspn(s, ", ");
	}
}

/* Python shlex.split(s, posix=True): quotes and backslashes, no comments. */
static void shlex_split(struct arena *a, const char *s, struct strvec *out)
{
	struct buf w = BUF_INIT;
	bool in_word = false;

	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			if (in_word)
				strvec_push(a, out, buf_to_arena(&w, a));
			buf_reset(&w);
			in_word = false;
			continue;
		}
		in_word = true;
		if (*s == '\\' && s[1]) {
			buf_addch(&w, *++s);
		} else if (*s == '\'') {
			for (s++; *s && *s != '\''; s++)
				buf_addch(&w, *s);
			if (!*s)
				break;
		} else if (*s == '"') {
			for (s++; *s && *s != '"'; s++) {
				if (*s == '\\' && s[1] && strchr("\\\"$`\n", s[1]))
					s++;
				buf_addch(&w, *s);
			}
			if (!*s)
				break;
		} else {
			buf_addch(&w, *s);
		}
	}
	if (in_word)
		strvec_push(a, out, buf_to_arena(&w, a));
	buf_release(&w);
}

/* write_hooks.py _parse_cmdline_options */
static void hook_argv(struct arena *a, const char *options, const char *path, struct strvec *argv)
{
	struct strvec words = STRVEC_INIT;
	const char *opts = options ? options : "";

	if (!strstr(opts, HOOK_TOKEN))
		opts = arena_printf(a, "%s %s", HOOK_TOKEN, opts);
	shlex_split(a, opts, &words);
	for (size_t i = 0; i < words.n; i++) {
		struct buf b = BUF_INIT;
		const char *w = words.v[i], *hit;
		while ((hit = strstr(w, HOOK_TOKEN))) {
			buf_add(&b, w, (size_t)(hit - w));
			buf_adds(&b, path);
			w = hit + strlen(HOOK_TOKEN);
		}
		buf_adds(&b, w);
		strvec_push(a, argv, buf_to_arena(&b, a));
		buf_release(&b);
	}
}

/* The executable called name in $PATH, or NULL. */
static char *find_on_path(struct arena *a, const char *name)
{
	const char *path = getenv("PATH");

	if (!*name || strchr(name, '/'))
		return NULL;
	while (path && *path) {
		size_t n = strcspn(path, ":");
		char *cand = fs_join(a, n ? arena_strndup(a, path, n) : ".", name);
		if (fs_is_file(cand) && access(cand, X_OK) == 0)
			return cand;
		path += n;
		path += *path == ':';
	}
	return NULL;
}

/* Runs exe with argv (argv[0] = exe) in cwd (NULL: ours) and waits for it. */
static int run_process(struct arena *a, const char *exe, const struct strvec *args, const char *cwd,
		       struct err *e)
{
	const char **argv = arena_calloc(a, args->n + 2, sizeof(*argv));
	pid_t pid;
	int status;

	argv[0] = exe;
	for (size_t i = 0; i < args->n; i++)
		argv[i + 1] = args->v[i];
	fflush(NULL); /* the status line must come out before the hook's own output */
	pid = fork();
	if (pid < 0)
		return err_set(e, ERR_IO, "fork: %s", strerror(errno));
	if (pid == 0) {
		if (cwd && chdir(cwd))
			_exit(127);
		execv(exe, (char *const *)argv);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return err_set(e, ERR_IO, "waitpid: %s", strerror(errno));
	return 0;
}

/* write_hooks.py console_scripts */
static int hook_console_scripts(struct arena *a, const char *name, const char *path,
				const struct script_hook_opt *cfg, size_t n, struct err *e)
{
	const char *entry = hook_opt(cfg, n, arena_printf(a, "%s.entrypoint", name));
	struct strvec args = STRVEC_INIT;
	char *exe;

	if (!entry)
		return err_set(e, ERR_COMMAND,
			       "Key %s.entrypoint is required for post write hook '%s'", name,
			       name);
	exe = find_on_path(a, entry);
	if (!exe)
		return err_set(e, ERR_COMMAND, "Could not find entrypoint console_scripts.%s",
			       entry);
	hook_argv(a, hook_opt(cfg, n, arena_printf(a, "%s.options", name)), path, &args);
	return run_process(a, exe, &args, hook_opt(cfg, n, arena_printf(a, "%s.cwd", name)), e);
}

int script_run_hooks(struct arena *a, const char *path, const struct script_hook_opt *cfg, size_t n,
		     const struct sink *s, struct err *e)
{
	struct strvec names = STRVEC_INIT;

	split_names(a, hook_opt(cfg, n, "hooks"), &names);
	for (size_t i = 0; i < names.n; i++) {
		const char *type = hook_opt(cfg, n, arena_printf(a, "%s.type", names.v[i]));
		int rc;
		if (!type)
			return err_set(e, ERR_COMMAND,
				       "Key %s.type is required for post write hook '%s'",
				       names.v[i], names.v[i]);
		/* util.status(..., newline=True): "TEXT ...\n", the hook's output, "  done" */
		sink_status_begin(s, arena_printf(a, "Running post write hook \"%s\"", names.v[i]));
		sink_msg(s, "");
		if (strcmp(type, "console_scripts"))
			rc = err_set(e, ERR_COMMAND, "No formatter with name '%s' registered",
				     type);
		else
			rc = hook_console_scripts(a, names.v[i], path, cfg, n, e);
		sink_status_end(s, rc == 0);
		if (rc)
			return -1;
	}
	return 0;
}

/*
 * python.c - model_load_python: finds the project's interpreter, runs the
 * embedded helper (helper.py) with it in the directory of alembic.ini (fork +
 * execv, no shell, the environment passed through, stdin from /dev/null or,
 * for model_decide, from an unlinked temporary file holding its input),
 * reads its stdout and stderr together with poll (no deadlock whatever the
 * sizes), and turns the exit status into the model or an error:
 *   0  the model (model_from_script on stdout);
 *   3  the project's exception: the last "alembic-model-error: FILE:LINE: msg"
 *      line of stderr, as ERR_INPUT at FILE:LINE;
 *   4  no SQLAlchemy in that interpreter (ERR_COMMAND);
 *   anything else, or a signal: ERR_COMMAND with the last line of stderr.
 */
#include "model/model.h"
#include "model/model_int.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/fs.h"
#include "base/str.h"
#include "config/ini.h"

extern char **environ;

#define MODEL_ERR_PREFIX "alembic-model-error: "
#define MODEL_STATUS_USER 3
#define MODEL_STATUS_NO_SQLALCHEMY 4
#define MODEL_STATUS_EXEC 127

static bool model_executable(const char *path)
{
	return fs_is_file(path) && access(path, X_OK) == 0;
}

/* name looked up on PATH as execvp would (a name with a '/' as it is). */
static const char *model_which(struct arena *a, const char *name)
{
	const char *path = getenv("PATH");
	const char *p;

	if (strchr(name, '/'))
		return model_executable(name) ? name : NULL;
	for (p = path ? path : "/usr/bin:/bin"; p;) {
		const char *colon = strchr(p, ':');
		size_t n = colon ? (size_t)(colon - p) : strlen(p);
		char *cand = arena_printf(a, "%.*s/%s", (int)n, n ? p : ".", name);

		if (model_executable(cand))
			return cand;
		p = colon ? colon + 1 : NULL;
	}
	return NULL;
}

/* The interpreter to run: o->python, the ini's `python` key, .venv, python3. */
static int model_find_python(struct arena *a, const struct model_py_opts *o, const char *dir,
			     const char **out, struct err *e)
{
	const char *want = o->python, *from = "";
	struct ini *ini;

	if (!want && o->ini_path && fs_is_file(o->ini_path)) {
		if (ini_load(a, o->ini_path, dir, &ini, e) < 0)
			return -1;
		want = ini_get(a, ini, o->ini_section ? o->ini_section : "alembic", "python", e);
		if (!want && e->code != ERR_OK)
			return -1;
		from = " (python in alembic.ini)";
	}
	if (want && *want) {
		/* relative to the ini directory, where it runs */
		const char *p = strchr(want, '/') && want[0] != '/' ? fs_join(a, dir, want) : want;

		if (!(*out = model_which(a, p)))
			return err_set(e, ERR_COMMAND, "python interpreter %s not found%s", want,
				       from);
		*out = fs_abspath(a, *out); /* it runs in dir */
		return 0;
	}
	*out = fs_join(a, dir, ".venv/bin/python");
	if (model_executable(*out))
		return 0;
	if ((*out = model_which(a, "python3"))) {
		*out = fs_abspath(a, *out); /* it runs in dir */
		return 0;
	}
	return err_set(e, ERR_COMMAND,
		       "python3 not found: autogenerate runs the project's Python to load its "
		       "models; set `python = /path/to/python` in alembic.ini or create .venv");
}

/* The helper's command line. */
static const char **model_argv(struct arena *a, const char *python, const struct model_py_opts *o,
			       const char *script_location, bool decide)
{
	size_t n = 0, max = 13 + o->n_x_args;
	const char **v = arena_calloc(a, max, sizeof(*v));

	v[n++] = python;
	v[n++] = "-c";
	v[n++] = model_helper_py;
	/* --opt=value: a value starting with '-' stays a value for argparse */
	v[n++] = arena_printf(a, "--ini=%s", fs_basename(o->ini_path));
	v[n++] = arena_printf(a, "--section=%s", o->ini_section ? o->ini_section : "alembic");
	v[n++] = arena_printf(a, "--script-location=%s", script_location);
	v[n++] = arena_printf(a, "--dialect=%s", o->dialect ? o->dialect : "sqlite");
	if (o->url)
		v[n++] = arena_printf(a, "--url=%s", o->url);
	if (o->offline)
		v[n++] = "--offline";
	for (size_t i = 0; i < o->n_x_args; i++)
		v[n++] = arena_printf(a, "--x-arg=%s", o->x_args[i]);
	if (decide)
		v[n++] = "--decide";
	v[n] = NULL;
	return v;
}

/* In the child: never returns. */
static void model_child(const char *dir, const char **argv, int in_fd, int out_fd, int err_fd)
{
	int null_fd = in_fd >= 0 ? in_fd : open("/dev/null", O_RDONLY);

	if (null_fd >= 0)
		dup2(null_fd, 0);
	dup2(out_fd, 1);
	dup2(err_fd, 2);
	signal(SIGPIPE, SIG_DFL);
	if (chdir(dir) == 0)
		execve(argv[0], (char *const *)argv, environ);
	dprintf(2, "%s: %s\n", argv[0], strerror(errno));
	_exit(MODEL_STATUS_EXEC);
}

/* Reads both pipes to their ends (poll: neither can fill up and block the child). */
static int model_drain(int fds[2], struct buf *out, struct buf *err, struct err *e)
{
	struct buf *bufs[2] = {out, err};
	char chunk[65536];

	while (fds[0] >= 0 || fds[1] >= 0) {
		struct pollfd p[2] = {{fds[0], POLLIN, 0}, {fds[1], POLLIN, 0}};

		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			return err_set(e, ERR_IO, "poll: %s", strerror(errno));
		}
		for (int i = 0; i < 2; i++) {
			ssize_t n;

			if (fds[i] < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			n = read(fds[i], chunk, sizeof(chunk));
			if (n > 0) {
				buf_add(bufs[i], chunk, (size_t)n);
			} else if (n == 0 || errno != EINTR) {
				close(fds[i]);
				fds[i] = -1;
			}
		}
	}
	return 0;
}

/* Runs argv in dir, stdin from in_fd (-1: /dev/null); *status is waitpid's. */
static int model_spawn(const char *dir, const char **argv, int in_fd, struct buf *out,
		       struct buf *err, int *status, struct err *e)
{
	int po[2], pe[2], fds[2], rc;
	pid_t pid;

	if (pipe(po) < 0)
		return err_set(e, ERR_IO, "pipe: %s", strerror(errno));
	if (pipe(pe) < 0) {
		close(po[0]);
		close(po[1]);
		return err_set(e, ERR_IO, "pipe: %s", strerror(errno));
	}
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		close(po[0]);
		close(pe[0]);
		model_child(dir, argv, in_fd, po[1], pe[1]);
	}
	close(po[1]);
	close(pe[1]);
	if (pid < 0) {
		close(po[0]);
		close(pe[0]);
		return err_set(e, ERR_IO, "fork: %s", strerror(errno));
	}
	fds[0] = po[0];
	fds[1] = pe[0];
	rc = model_drain(fds, out, err, e);
	for (int i = 0; i < 2; i++)
		if (fds[i] >= 0)
			close(fds[i]);
	while (waitpid(pid, status, 0) < 0)
		if (errno != EINTR)
			return err_set(e, ERR_IO, "waitpid: %s", strerror(errno));
	return rc;
}

/* The last line of text starting with prefix (prefix == "": the last non-empty line). */
static const char *model_last_line(struct arena *a, const char *text, const char *prefix)
{
	const char *found = NULL, *p = text;
	size_t found_n = 0;

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		if (n && str_startswith(p, prefix) && (size_t)strlen(prefix) <= n) {
			found = p;
			found_n = n;
		}
		p += n + (nl ? 1 : 0);
	}
	if (!found)
		return NULL;
	return arena_strndup(a, found + strlen(prefix), found_n - strlen(prefix));
}

/* "FILE:LINE: message" (the helper's error line) as ERR_INPUT at FILE:LINE. */
static int model_user_error(struct arena *a, const char *line, struct err *e)
{
	for (const char *p = strchr(line, ':'); p; p = strchr(p + 1, ':')) {
		const char *q = p + 1;
		long n = 0;

		while (str_isdigit(*q) && n < 100000000)
			n = n * 10 + (*q++ - '0');
		if (q > p + 1 && q[0] == ':' && q[1] == ' ')
			return err_at(e, ERR_INPUT, arena_strndup(a, line, (size_t)(p - line)),
				      (int)n, "%s", q + 2);
	}
	return err_set(e, ERR_INPUT, "%s", line);
}

static int model_status_error(struct arena *a, const char *python, int status,
			      const char *stderr_text, struct err *e)
{
	const char *user = model_last_line(a, stderr_text, MODEL_ERR_PREFIX);
	const char *last = model_last_line(a, stderr_text, "");

	if (WIFEXITED(status) && WEXITSTATUS(status) == MODEL_STATUS_USER && user)
		return model_user_error(a, user, e);
	if (WIFEXITED(status) && WEXITSTATUS(status) == MODEL_STATUS_NO_SQLALCHEMY)
		return err_set(e, ERR_COMMAND,
			       "%s %s: autogenerate needs SQLAlchemy in the project's Python "
			       "(set `python = /path/to/python` in alembic.ini)",
			       python, user ? user : "cannot import sqlalchemy");
	if (WIFSIGNALED(status))
		return err_set(e, ERR_COMMAND, "model helper (%s) killed by signal %d%s%s", python,
			       WTERMSIG(status), last ? ": " : "", last ? last : "");
	return err_set(e, ERR_COMMAND, "model helper (%s) exited with status %d%s%s", python,
		       WIFEXITED(status) ? WEXITSTATUS(status) : -1, last ? ": " : "",
		       last ? last : "");
}

/* Line n (1-based) of text, without its indentation; "" past the end. */
static const char *model_line(struct arena *a, const char *text, int n)
{
	const char *p = text, *nl;

	for (int i = 1; i < n && p; i++)
		p = (nl = strchr(p, '\n')) ? nl + 1 : NULL;
	if (!p)
		return "";
	while (*p == ' ')
		p++;
	nl = strchr(p, '\n');
	return arena_strndup(a, p, nl ? (size_t)(nl - p) : strlen(p));
}

/*
 * A helper output the front end refused (a type of the application's own
 * module, say) is reworded for the user, who never sees that text: the
 * construct as the model spells it and the table it is in, at env.py.
 */
static void model_explain(struct arena *a, const char *text, const char *env_py, struct err *e)
{
	const char *what = model_line(a, text, e->line), *table = NULL;
	const char *msg;

	for (int i = e->line; i > 0 && !table; i--) {
		const char *l = model_line(a, text, i);

		if (str_startswith(l, "op.create_table("))
			table = l + strlen("op.create_table(");
	}
	if (str_endswith(what, ","))
		what = arena_strndup(a, what, strlen(what) - 1);
	if (table && str_endswith(table, ","))
		table = arena_strndup(a, table, strlen(table) - 1);
	msg = arena_printf(a, "target_metadata: %s%s%s%s: %s", table ? "table " : "",
			   table ? table : "", table ? ": " : "", what, e->msg);
	snprintf(e->msg, sizeof(e->msg), "%s", msg);
	snprintf(e->file, sizeof(e->file), "%s", env_py);
	e->line = e->col = 0;
}

/* An unlinked temporary file holding input[0..n), positioned at its start. */
static int model_input_fd(const char *input, size_t n, int *fd, struct err *e)
{
	const char *tmp = getenv("TMPDIR");
	char path[4096];
	size_t done = 0;

	snprintf(path, sizeof(path), "%s/alembic-model-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if ((*fd = mkstemp(path)) < 0)
		return err_set(e, ERR_IO, "%s: %s", path, strerror(errno));
	unlink(path);
	while (done < n) {
		ssize_t w = write(*fd, input + done, n - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			close(*fd);
			return err_set(e, ERR_IO, "writing %s: %s", path, strerror(errno));
		}
		done += (size_t)w;
	}
	lseek(*fd, 0, SEEK_SET);
	return 0;
}

int model_run_helper(struct arena *a, const struct model_py_opts *o, const char *input,
		     size_t n_input, const char **text, struct err *e)
{
	const char *dir = fs_dirname(a, fs_abspath(a, o->ini_path));
	const char *python;
	struct buf so = BUF_INIT, se = BUF_INIT;
	int status = 0, rc = -1, in_fd = -1;

	if (model_find_python(a, o, dir, &python, e) < 0 ||
	    (input && model_input_fd(input, n_input, &in_fd, e) < 0))
		return -1;
	if (model_spawn(dir,
			model_argv(a, python, o, fs_abspath(a, o->script_location), input != NULL),
			in_fd, &so, &se, &status, e) < 0)
		goto out;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		model_status_error(a, python, status, buf_cstr(&se), e);
		if (e->code == ERR_INPUT && !e->file[0]) /* no frame of the user's: env.py's */
			snprintf(e->file, sizeof(e->file), "%s",
				 fs_join(a, o->script_location, "env.py"));
		goto out;
	}
	*text = buf_to_arena(&so, a);
	rc = 0;
out:
	if (in_fd >= 0)
		close(in_fd);
	buf_release(&so);
	buf_release(&se);
	return rc;
}

int model_load_python(struct arena *a, const struct model_py_opts *o, struct model *out,
		      struct err *e)
{
	const char *text;
	int rc;

	memset(out, 0, sizeof(*out));
	if (model_run_helper(a, o, NULL, 0, &text, e) < 0)
		return -1;
	rc = model_from_script(a, text, "<model helper output>", o->dialect ? o->dialect : "sqlite",
			       out, e);
	if (rc == 0)
		out->script = text;
	else if (e->line > 0)
		model_explain(a, text, fs_join(a, o->script_location, "env.py"), e);
	return rc;
}

/*
 * cmd_edit.c - `alembic edit REV` (command.py edit, util/editor.py
 * open_in_editor): opens each revision file REV names in an editor and
 * waits for it.  Editor choice as Alembic: $EDITOR, then $VISUAL (a path
 * that exists is used as is; a bare name is searched on $PATH ahead of the
 * defaults), then sensible-editor, editor, nano, vim, code on $PATH.
 */
#include <string.h>

#include "base/buf.h"
#include "base/fs.h"
#include "cli/cli_int.h"
#include "core/graph.h"
#include "script/script.h"

static const struct cli_option edit_options[] = {
	{0},
};

static const struct cli_positional edit_positionals[] = {
	{"rev", NARGS_ONE, NULL},
	{0},
};

/* editor.py _find_executable: the first $PATH entry holding name. */
static const char *find_on_path(struct arena *a, const char *name)
{
	const char *path = getenv("PATH");
	const char *p = path ? path : "";

	for (;;) {
		const char *end = strchr(p, ':');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char *cand = arena_printf(a, "%.*s/%s", (int)n, p, name);
		if (fs_exists(cand))
			return cand;
		if (!end)
			return NULL;
		p = end + 1;
	}
}

/* editor.py _find_editor; NULL if none. */
static const char *find_editor(struct arena *a)
{
	static const char *const vars[] = {"EDITOR", "VISUAL"};
	const char *cands[7];
	size_t n = 0;

	for (size_t i = 0; i < 2; i++) {
		const char *v = getenv(vars[i]);
		if (!v)
			continue;
		if (fs_exists(v))
			return v;
		if (!strchr(v, '/'))
			cands[n++] = v;
	}
	cands[n++] = "sensible-editor";
	cands[n++] = "editor";
	cands[n++] = "nano";
	cands[n++] = "vim";
	cands[n++] = "code";
	for (size_t i = 0; i < n; i++) {
		const char *p = find_on_path(a, cands[i]);
		if (p)
			return p;
	}
	return NULL;
}

/* subprocess.check_call([editor, path]) with Alembic's error texts. */
static int run_editor(struct cli_ctx *ctx, const char *editor, const char *path)
{
	struct arena *a = ctx->arena;
	int status, fds[2], child_errno = 0;
	pid_t pid;

	if (pipe(fds) < 0 || fcntl(fds[1], F_SETFD, FD_CLOEXEC) < 0)
		return err_set(&ctx->err, ERR_COMMAND, "Error executing editor (%s)",
			       strerror(errno));
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		execl(editor, editor, path, (char *)NULL);
		child_errno = errno;
		if (write(fds[1], &child_errno, sizeof(child_errno)) < 0)
			_exit(127);
		_exit(127);
	}
	close(fds[1]);
	if (pid < 0 || read(fds[0], &child_errno, sizeof(child_errno)) > 0) {
		int en = pid < 0 ? errno : child_errno;
		close(fds[0]);
		if (pid > 0)
			waitpid(pid, &status, 0);
		return err_set(&ctx->err, ERR_COMMAND, "Error executing editor ([Errno %d] %s: %s)",
			       en, strerror(en), cli_py_repr(a, editor));
	}
	close(fds[0]);
	if (waitpid(pid, &status, 0) < 0)
		return err_set(&ctx->err, ERR_COMMAND, "Error executing editor (%s)",
			       strerror(errno));
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	const char *cmd = arena_printf(a, "[%s, %s]", cli_py_repr(a, editor), cli_py_repr(a, path));
	if (WIFSIGNALED(status))
		return err_set(&ctx->err, ERR_COMMAND,
			       "Error executing editor (Command '%s' died with signal %d.)", cmd,
			       WTERMSIG(status));
	return err_set(&ctx->err, ERR_COMMAND,
		       "Error executing editor (Command '%s' returned non-zero exit status %d.)",
		       cmd, WEXITSTATUS(status));
}

static int open_all(struct cli_ctx *ctx, const struct revlist *revs)
{
	const char *editor = find_editor(ctx->arena);

	for (size_t i = 0; i < revs->n; i++) {
		const struct script *s = revs->v[i] ? revs->v[i]->data : NULL;
		if (!s)
			continue;
		if (!editor)
			return err_set(
				&ctx->err, ERR_COMMAND,
				"Error executing editor (No suitable editor found. Please set "
				"the \"EDITOR\" or \"VISUAL\" environment variables)");
		if (run_editor(ctx, editor, s->path) < 0)
			return -1;
	}
	return 0;
}

static int edit_run(struct cli_ctx *ctx)
{
	const char *rev = cli_arg(ctx, "rev");
	struct strvec ids = STRVEC_INIT;
	struct revlist revs = REVLIST_INIT;

	if (!strcmp(rev, "current")) {
		if (cli_db_rows(ctx, &ids) < 0)
			return -1;
		if (!ids.n)
			return err_set(&ctx->err, ERR_COMMAND, "No current revisions");
	} else {
		strvec_push(ctx->arena, &ids, rev);
	}
	if (cli_resolve_all(ctx, &ids, &revs) < 0)
		return -1;
	if (!revs.n)
		return err_set(&ctx->err, ERR_COMMAND, "No revision files indicated by symbol '%s'",
			       rev);
	return open_all(ctx, &revs);
}

const struct cli_command cmd_edit = {
	"edit",
	edit_run,
	edit_options,
	edit_positionals,
	"Edit revision script(s) using $EDITOR.",
	NULL,
	CMD_NEEDS_CONFIG | CMD_NEEDS_SCRIPTS,
};

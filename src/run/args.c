/*
 * args.c - the revision arguments of upgrade / downgrade / stamp as
 * command.py splits them (see run.h).
 */
#include "run/run.h"

/* "A:B" split once; ERR_INPUT for a second ':' (Python's unpack error). */
static int args_split(struct arena *a, const char *arg, const char **start, const char **target,
		      struct err *e)
{
	const char *colon = strchr(arg, ':');

	if (strchr(colon + 1, ':'))
		return err_set(e, ERR_INPUT,
			       "too many values to unpack (expected 2) in revision range '%s'",
			       arg);
	*start = arena_strndup(a, arg, (size_t)(colon - arg));
	*target = colon + 1;
	return 0;
}

int run_parse_target(struct arena *a, enum run_cmd cmd, const char *arg, bool sql,
		     struct run_request *r, struct err *e)
{
	memset(r, 0, sizeof(*r));
	r->cmd = cmd;
	r->target = arg;
	if (strchr(arg, ':')) {
		if (!sql)
			return err_set(e, ERR_COMMAND, "Range revision not allowed");
		return args_split(a, arg, &r->start, &r->target, e);
	}
	if (sql && cmd == RUN_DOWNGRADE)
		return err_set(e, ERR_COMMAND, "downgrade with --sql requires <fromrev>:<torev>");
	return 0;
}

int run_parse_stamp(struct arena *a, const struct strvec *args, bool sql, bool purge,
		    struct run_request *r, struct err *e)
{
	const char **dest = arena_calloc(a, args->n + 1, sizeof(*dest));

	memset(r, 0, sizeof(*r));
	r->cmd = RUN_STAMP;
	r->purge = purge;
	r->stamp_targets = dest;
	r->n_stamp = args->n;
	for (size_t i = 0; i < args->n; i++) {
		const char *start;

		dest[i] = args->v[i];
		if (!sql || !strchr(args->v[i], ':'))
			continue;
		if (args_split(a, args->v[i], &start, &dest[i], e) < 0)
			return -1;
		if (r->start && strcmp(r->start, start))
			return err_set(e, ERR_COMMAND,
				       "Stamp operation with --sql only supports a single starting "
				       "revision at a time");
		r->start = start;
	}
	return 0;
}

int run_command(struct arena *a, struct graph *g, const struct config *c,
		const struct run_request *r, bool sql, const struct sink *s, struct err *e)
{
	struct run_opts o;

	run_opts_from_config(&o, c);
	o.sql = sql;
	return run_migrate(a, g, &o, r, s, e);
}

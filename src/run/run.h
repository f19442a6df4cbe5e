/*
 * run.h - applies revision plans to a database (online) or to text
 * (offline --sql): Alembic's runtime/migration.py MigrationContext and
 * command.py upgrade/downgrade/stamp/ensure_version/current, without env.py.
 *
 * Online runs (rules beyond Alembic's are marked "ours"):
 *   - the migration lock is taken first (ours: PostgreSQL advisory lock keyed
 *     on the qualified version table, SQLite flock + BEGIN IMMEDIATE), then
 *     the version rows are read and the plan computed under it, so a second
 *     concurrent process finds nothing left to do;
 *   - one transaction around the whole run where DDL is transactional
 *     (PostgreSQL, and ours: SQLite too), or one per revision with
 *     transaction_per_migration; a failure rolls back to the last commit, so
 *     nothing is half-applied and the version table stays consistent;
 *   - the version table is created when missing before the target is
 *     resolved (inside the transaction: a failure leaves nothing), never
 *     dropped online;
 *   - rows are read with Alembic's SELECT (no ORDER BY) and then sorted
 *     bytewise (ours), so "first row" rules (downgrade -1 from several
 *     heads, stamp logs) are deterministic;
 *   - every revision body of the plan is checked before anything runs
 *     (Python constructs we cannot run, SQL we cannot split).
 * Offline runs print exactly Alembic's text (ref §10) through sink->sql,
 * except that no "DROP TABLE alembic_version;" ends a run at base (newer
 * Alembic, 1.19 #1822).
 *
 * Log lines go through sink->log with logger "alembic.runtime.migration";
 * Alembic's UserWarnings (util.warn) through sink->warn.
 * Errors: graph errors pass through unchanged (ERR_RESOLUTION, ...);
 * ERR_COMMAND with Alembic's texts; ERR_DB / ERR_LOCK for the database;
 * ERR_MIGRATION for a failing statement (file:line of the statement, the
 * revision and the database's message in msg, DETAIL/HINT in detail) or a
 * failing COMMIT ("upgrade a1 -> a2 failed while committing: ... (rolled
 * back; the database is at a1)"); ERR_INPUT for a revision body that
 * cannot run; ERR_INTERRUPTED after SIGINT/SIGTERM (db_interrupt), once
 * the rollback and unlock have run, msg saying where the database is
 * ("rolled back, the database is at a1", "nothing was changed").  The db
 * layer's "waiting for the migration lock ..." notice is logged once.
 */
#ifndef RUN_RUN_H
#define RUN_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/sink.h"
#include "base/vec.h"
#include "config/config.h"

struct graph;
struct db;
struct ag_rename;
struct ag_leave;
struct db_schema;

struct run_opts {
	const char *url;                  /* sqlalchemy.url (required) */
	const struct err *url_err;        /* why url is NULL although set (e.g. an unset ${VAR}) */
	const char *version_table;        /* default "alembic_version" */
	const char *version_table_schema; /* NULL = default schema */
	bool version_table_pk;            /* CONSTRAINT <table>_pkc PRIMARY KEY */
	bool transaction_per_migration;   /* one transaction per revision */
	long lock_timeout_ms;             /* bound on every lock wait */
	bool sql;                         /* offline (--sql) */
	const struct sch_naming *naming;  /* env.py's literal naming convention (sql_opts);
					     NULL: SQLAlchemy's default */
	const char *naming_convention_unknown; /* why env.py's target_metadata may carry a
						  naming convention we cannot read (sql_opts);
						  NULL: the default convention */
	struct db *db;                         /* online: use this open connection (tests); NULL =
					     connect to url (and close at the end) */
};

/* Fills o from the configuration (url, version table settings, lock
 * timeout, transaction_per_migration); sql = false, db = NULL. */
void run_opts_from_config(struct run_opts *o, const struct config *c);

enum run_cmd {
	RUN_UPGRADE,        /* command.upgrade */
	RUN_DOWNGRADE,      /* command.downgrade */
	RUN_STAMP,          /* command.stamp */
	RUN_ENSURE_VERSION, /* command.ensure_version */
};

struct run_request {
	enum run_cmd cmd;                 /* what to do */
	const char *target;               /* upgrade/downgrade destination */
	const char *start;                /* offline: the revision before ':' (NULL = base) */
	const char *const *stamp_targets; /* stamp destinations (after any "A:") */
	size_t n_stamp;                   /* their number */
	bool purge;                       /* stamp --purge */
};

/*
 * Runs one command.  g is the revision graph (each rev->data a struct
 * script *); it may be NULL for RUN_ENSURE_VERSION.  Prints the context
 * log lines ("Context impl X.", ["Generating static SQL",] "Will assume
 * ... DDL.") once the database (or, offline, the dialect) is known.
 */
int run_migrate(struct arena *a, struct graph *g, const struct run_opts *o,
		const struct run_request *r, const struct sink *s, struct err *e);

/*
 * The version table's rows (for `current`, `history -i`), bytewise sorted;
 * empty when the table does not exist (never created).  Logs the context
 * lines like run_migrate.  ERR_COMMAND if o->sql.
 */
int run_read_rows(struct arena *a, const struct run_opts *o, const struct sink *s,
		  struct strvec *rows, struct err *e);

/*
 * run_read_rows, then fn(arg, db, rows, e) on the open connection (rows
 * sorted, empty without a version table); the connection is closed after
 * it, and an interruption during it is ERR_INTERRUPTED "nothing was
 * changed" (fn must change nothing it does not roll back).
 */
typedef int (*run_rows_fn)(void *arg, struct db *db, const struct strvec *rows, struct err *e);
int run_on_rows(struct arena *a, const struct run_opts *o, const struct sink *s, run_rows_fn fn,
		void *arg, struct strvec *rows, struct err *e);

/* ---- autogenerate (autogen.c) ---- */

struct ag_result;
struct sch_table;

/* What revision --autogenerate and check compare. */
struct run_autogen_req {
	struct graph *g;                /* the revision graph: the database must be at its heads */
	struct sch_table *const *model; /* the model's tables as written (metadata.sorted_tables
					     order), indexes attached */
	size_t n_model;                 /* their number */
	bool compare_type;              /* ag_input's */
	bool compare_server_default;
	bool include_schemas;    /* every schema, not only the default one */
	bool has_metadata;       /* env.py gave target_metadata; else, once the
					     database is found at the heads, ERR_COMMAND
					     "Can't proceed with --autogenerate option; ..." */
	const char *env_abspath; /* env.py, for that message */
	/* A model of SQL files instead (target_metadata = models/NAME.sql globs), no model[]: */
	const struct run_model_stmt *model_sql; /* statements in file order */
	size_t n_model_sql;                     /* their number */
	const struct ag_rename *hints;          /* its "-- @renamed from=" hints (ag_sql_hints) */
	size_t n_hints;                         /* their number */
	/* env.py's include_name / include_object (NULL: none given): called once the
	 * database is introspected, gives the verdicts (model_decide) applied to both
	 * sides (ag_filter_schema / ag_filter_tables) before the comparison */
	int (*decide)(void *arg, struct arena *a, const struct db_schema *live, struct ag_leave **v,
		      size_t *n, struct err *e);
	void *decide_arg; /* its first argument */
};

/* One statement of a SQL model file. */
struct run_model_stmt {
	const char *sql;  /* the statement, no terminator */
	const char *file; /* the file, as named in messages */
	int line;         /* its first line */
};

/* What run_autogen found, and what it compared (for run_autogen_verify). */
struct run_autogen_out {
	struct ag_result *result;       /* the difference (caller-provided storage) */
	const struct db_schema *live;   /* the database as it was */
	const struct db_schema *norm;   /* the model as the database read it back */
	struct sch_table *const *model; /* the model as written (NULL for a SQL model) */
	size_t n_model;
	const char *dialect; /* the database's */
	bool compare_type, compare_server_default;
	bool include_schemas;          /* every schema was read */
	const struct ag_leave *leaves; /* the filters' verdicts (live, norm and model are
					    already without what they leave out) */
	size_t n_leaves;               /* their number */
};

/*
 * Connects (context log lines as for a run), refuses unless the version
 * rows are the graph's heads (ERR_COMMAND "Target database is not up to
 * date.", Alembic's check) and a model without metadata, introspects the database, creates the model in
 * a scratch copy of the dialect (SQLite: an in-memory database; PostgreSQL:
 * a schema created inside a transaction that is rolled back, on the same
 * server, so the database normalises both sides), introspects that, and
 * compares them (ag_compare).  Logs each "Detected ..." line as Alembic's
 * logger alembic.autogenerate.compare.  Writes nothing.
 */
struct db_schema;
int run_autogen(struct arena *a, const struct run_opts *o, const struct run_autogen_req *r,
		const struct sink *s, struct run_autogen_out *out, struct err *e);

/*
 * Self-verification of a written revision sc (issue 10 item 5), on a
 * connection of its own and inside one transaction that is always rolled
 * back: runs sc's upgrade, introspects, compares with the model (must be
 * empty), runs its downgrade, introspects, compares with the database as
 * it was (must be equal).  What does not round-trip is a warning
 * (sink_warn) naming the differences; a statement that cannot run inside a
 * transaction is skipped, and said so; a statement that fails is a warning
 * with the database's message.  Never changes the database.  -1 only when
 * the verification itself cannot run (no connection): e set.
 */
struct script;
int run_autogen_verify(struct arena *a, const struct run_opts *o, const struct run_autogen_out *ao,
		       const struct script *sc, const struct sink *s, struct err *e);

/* ---- command arguments (args.c) ---- */

/*
 * command.py upgrade/downgrade: REVISION into r->target and, with --sql,
 * "FROM:TO" into r->start/r->target.  ERR_COMMAND "Range revision not
 * allowed" (':' without --sql), "downgrade with --sql requires
 * <fromrev>:<torev>"; ERR_INPUT for more than one ':' (Alembic: a Python
 * unpacking traceback).
 */
int run_parse_target(struct arena *a, enum run_cmd cmd, const char *arg, bool sql,
		     struct run_request *r, struct err *e);

/*
 * command.py stamp: the destinations; with --sql each may be "FROM:TO" and
 * every FROM must be the same (ERR_COMMAND "Stamp operation with --sql only
 * supports a single starting revision at a time").
 */
int run_parse_stamp(struct arena *a, const struct strvec *args, bool sql, bool purge,
		    struct run_request *r, struct err *e);

/* run_migrate with the options of configuration c (sql = --sql). */
int run_command(struct arena *a, struct graph *g, const struct config *c,
		const struct run_request *r, bool sql, const struct sink *s, struct err *e);

/* ---- version table SQL (version.c) ---- */

struct sql_dialect;

/* Rendered names of the version table for one dialect. */
struct run_vt {
	const struct sql_dialect *d; /* dialect */
	const char *table;           /* quoted, schema-qualified: audit."My_versions" */
	const char *lock_key;        /* unquoted "schema.table" (or "table"), lock identity */
	const char *name;            /* the plain table name (error messages) */
	const char *schema;          /* plain schema or NULL */
	bool pk;                     /* with the primary key constraint */
};

void run_vt_init(struct arena *a, struct run_vt *vt, const struct sql_dialect *d, const char *table,
		 const char *schema, bool pk);
/* CREATE TABLE as SQLAlchemy compiles it ("\n\t" indent, as online; the offline
 * writer turns tabs into four spaces), no terminator. */
char *run_vt_create(struct arena *a, const struct run_vt *vt);
char *run_vt_select(struct arena *a, const struct run_vt *vt);
char *run_vt_insert(struct arena *a, const struct run_vt *vt, const char *id);
char *run_vt_update(struct arena *a, const struct run_vt *vt, const char *from, const char *to);
char *run_vt_delete(struct arena *a, const struct run_vt *vt, const char *id);
char *run_vt_delete_all(struct arena *a, const struct run_vt *vt);

#endif

/*
 * t_introspect.c - whole-schema introspection (db/introspect.h) on an
 * in-memory SQLite database: tables listed from sqlite_master in name
 * order, sqlite_% and the version table skipped, views by name, each table
 * through the single-table reader (generated columns included); and a
 * schema of the PostgreSQL test cluster.  The dumps are compared with the
 * text expected, checked field by field against SQLAlchemy 1.4's Inspector
 * (tests/cases/introspect_sqlite.txt and introspect_pg.txt, recorded by
 * tests/cases/record_introspect.py).
 */
#include "base/buf.h"
#include "db/introspect.h"
#include "unit.h"

/* An in-memory database, or the file T_INTROSPECT_SQLITE names (emptied
 * first), for record_introspect.py to read. */
static struct db *open_memory(struct arena *a, struct err *e)
{
	struct db_url u;
	struct db *db = NULL;
	const char *keep = getenv("T_INTROSPECT_SQLITE");

	if (keep)
		unlink(keep);
	if (url_parse(a, keep ? arena_printf(a, "sqlite:///%s", keep) : "sqlite://", &u, e) < 0 ||
	    db_open(&u, 500, &db, e) < 0)
		return NULL;
	return db;
}

static void test_sqlite_whole_schema(void)
{
	static const char *const ddl[] = {
		"CREATE TABLE zeta (id INTEGER PRIMARY KEY AUTOINCREMENT, "
		"name VARCHAR(50) NOT NULL DEFAULT 'x', CONSTRAINT uq_zeta_name UNIQUE (name))",
		"CREATE TABLE alpha (id INTEGER NOT NULL, zeta_id INTEGER, n NUMERIC(10, 2), "
		"PRIMARY KEY (id), CONSTRAINT fk_alpha_zeta FOREIGN KEY(zeta_id) REFERENCES "
		"zeta (id) ON DELETE CASCADE,\n CONSTRAINT ck_n CHECK (n > 0))",
		"CREATE INDEX ix_alpha_n ON alpha (n)",
		"CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)",
		"CREATE VIEW v_alpha AS SELECT id FROM alpha",
		"CREATE TABLE calc (id INTEGER PRIMARY KEY, a INT, b integer generated always as "
		"(a*2) virtual, c TEXT AS (a || 'x') STORED,\n d INT GENERATED ALWAYS AS "
		"(coalesce(a, 0)), e INTEGER GENERATED ALWAYS AS (abs(a)) STORED)",
	};
	const char *want =
		"table alpha\n"
		"  column id type=INTEGER nullable=false pk=1\n"
		"  column zeta_id type=INTEGER nullable=true pk=0\n"
		"  column n type=NUMERIC(10, 2) nullable=true pk=0\n"
		"  primary_key name=- columns=id\n"
		"  foreign_key name=fk_alpha_zeta columns=zeta_id ref=zeta ref_columns=id "
		"ondelete=CASCADE\n"
		"  check name=ck_n sqltext=n > 0)\n" /* SQLAlchemy 1.4 too: its greedy pattern */
		"  index name=ix_alpha_n unique=0 elems=n\n"
		"table calc\n"
		"  column id type=INTEGER nullable=true pk=1\n"
		"  column a type=INTEGER nullable=true pk=0\n"
		"  column b type=INTEGER nullable=true pk=0 computed=a*2 persisted=false\n"
		"  column c type=TEXT nullable=true pk=0 computed=a || 'x' persisted=true\n"
		/* SQLAlchemy 1.4 too: its pattern finds "d" in "generated" and "e" in
		 * "integer" first */
		"  column d type=INTEGER nullable=true pk=0 computed=a*2 persisted=false\n"
		"  column e type=INTEGER nullable=true pk=0 computed=a*2 persisted=true\n"
		"  primary_key name=- columns=id\n"
		"table zeta\n"
		"  column id type=INTEGER nullable=true pk=1\n"
		"  column name type=VARCHAR(50) nullable=false pk=0 default='x'\n"
		"  primary_key name=- columns=id\n"
		"  unique name=uq_zeta_name columns=name\n"
		"view v_alpha\n";
	struct arena a = ARENA_INIT;
	struct db_introspect_opts o = {0};
	struct db_schema s;
	struct buf out = BUF_INIT;
	struct err e;
	struct db *db = open_memory(&a, &e);

	CHECK(db != NULL);
	if (!db)
		return;
	for (size_t i = 0; i < sizeof(ddl) / sizeof(ddl[0]); i++)
		CHECK(db_exec(db, ddl[i], NULL, &e) == 0);
	CHECK(db_introspect(db, &a, &o, &s, &e) == 0);
	CHECK_INT(s.n_tables, 3);
	CHECK_INT(s.n_queries, 4);
	db_schema_dump(&a, &s, "sqlite", &out);
	CHECK_STR(out.ptr ? out.ptr : "", want);
	buf_release(&out);
	db_close(db);
	arena_release(&a);
}

static void test_unsupported_driver(void)
{
	struct arena a = ARENA_INIT;
	struct strvec log = STRVEC_INIT;
	struct db_fake_config cfg = {0};
	struct db_introspect_opts o = {0};
	struct db_schema s;
	struct err e;
	struct db *db = db_fake_open(sql_dialect_find("sqlite"), &cfg, &a, &log);

	CHECK(db_introspect(db, &a, &o, &s, &e) == -1);
	CHECK_INT(e.code, ERR_INPUT);
	db_close(db);
	arena_release(&a);
}

/* A rich schema in schema t_intro of the test cluster (identity columns
 * with options, a generated column, SERIAL / BIGSERIAL, a nextval() default
 * of a free sequence, an OWNED BY sequence); the dump checked field by
 * field against SQLAlchemy 1.4's Inspector (tests/cases/introspect_pg.txt,
 * recorded by record_introspect.py; it lists the same six sequences). */
static void test_pg_schema(void)
{
	static const char *const ddl[] = {
		"DROP SCHEMA IF EXISTS t_intro CASCADE",
		"CREATE SCHEMA t_intro",
		"CREATE TYPE t_intro.mood AS ENUM ('sad', 'ok', 'happy')",
		"CREATE TABLE t_intro.users (id serial PRIMARY KEY, name varchar(50) NOT NULL "
		"DEFAULT 'x', mood t_intro.mood, CONSTRAINT uq_users_name UNIQUE (name))",
		"COMMENT ON TABLE t_intro.users IS 'people'",
		"COMMENT ON COLUMN t_intro.users.name IS 'full name'",
		"CREATE TABLE t_intro.posts (id integer NOT NULL, user_id integer, n numeric(10,2), "
		"CONSTRAINT pk_posts PRIMARY KEY (id), CONSTRAINT fk_posts_user FOREIGN KEY (user_id) "
		"REFERENCES t_intro.users (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "
		"CONSTRAINT ck_n CHECK (n > 0))",
		"CREATE INDEX ix_posts_n ON t_intro.posts (n) INCLUDE (user_id) WHERE n > 1",
		"CREATE INDEX ix_posts_expr ON t_intro.posts USING hash ((n + 1))",
		"CREATE SEQUENCE t_intro.free_seq START 7 INCREMENT 2 MINVALUE 5",
		"CREATE TABLE t_intro.alembic_version (version_num varchar(32) NOT NULL)",
		"CREATE VIEW t_intro.v_posts AS SELECT id FROM t_intro.posts",
		"CREATE TABLE t_intro.counters (id bigint GENERATED ALWAYS AS IDENTITY (START WITH "
		"10 INCREMENT BY 5 MAXVALUE 1000 CYCLE CACHE 3) PRIMARY KEY, n integer GENERATED "
		"BY DEFAULT AS IDENTITY, price numeric(10, 2), doubled numeric GENERATED ALWAYS AS "
		"(price * 2) STORED, big bigserial, free integer DEFAULT "
		"nextval('t_intro.free_seq'::regclass), label text DEFAULT 'nextval(''x'')')",
		"CREATE SEQUENCE t_intro.owned_seq AS smallint START 3 OWNED BY t_intro.posts.n",
	};
	const char *want =
		"table t_intro.counters\n"
		"  column id type=BIGINT nullable=false pk=1 autoincrement=true identity=always "
		"start=10 increment=5 minvalue=1 maxvalue=1000 cycle=true cache=3\n"
		"  column n type=INTEGER nullable=false pk=0 autoincrement=true identity=by_default "
		"start=1 increment=1 minvalue=1 maxvalue=2147483647 cycle=false cache=1\n"
		"  column price type=NUMERIC(10, 2) nullable=true pk=0\n"
		"  column doubled type=NUMERIC nullable=true pk=0 computed=(price * (2)::numeric) "
		"persisted=true\n"
		"  column big type=BIGINT nullable=false pk=0 "
		"default=nextval('t_intro.counters_big_seq'::regclass) autoincrement=true\n"
		"  column free type=INTEGER nullable=true pk=0 "
		"default=nextval('t_intro.free_seq'::regclass) autoincrement=true\n"
		"  column label type=TEXT nullable=true pk=0 default='nextval(''x'')'::text\n"
		"  primary_key name=counters_pkey columns=id\n"
		"table t_intro.posts\n"
		"  column id type=INTEGER nullable=false pk=1\n"
		"  column user_id type=INTEGER nullable=true pk=0\n"
		"  column n type=NUMERIC(10, 2) nullable=true pk=0\n"
		"  primary_key name=pk_posts columns=id\n"
		"  check name=ck_n sqltext=n > (0)::numeric\n"
		"  foreign_key name=fk_posts_user columns=user_id ref=t_intro.users ref_columns=id "
		"ondelete=CASCADE deferrable=true initially=DEFERRED\n"
		"  index name=ix_posts_expr unique=0 elems=(n + 1::numeric) postgresql_using=hash\n"
		"  index name=ix_posts_n unique=0 elems=n postgresql_where=(n > (1)::numeric) "
		"postgresql_include=user_id\n"
		"table t_intro.users\n"
		"  comment people\n"
		"  column id type=INTEGER nullable=false pk=1 "
		"default=nextval('t_intro.users_id_seq'::regclass) autoincrement=true\n"
		"  column name type=VARCHAR(50) nullable=false pk=0 "
		"default='x'::character varying comment=full name\n"
		"  column mood type=t_intro.mood nullable=true pk=0\n"
		"  primary_key name=users_pkey columns=id\n"
		"  unique name=uq_users_name columns=name\n"
		"enum t_intro.mood visible=0 labels=sad,ok,happy\n"
		"sequence t_intro.counters_big_seq type=bigint start=1 increment=1 minvalue=1 "
		"maxvalue=9223372036854775807 cache=1 cycle=0 owned_by=counters.big\n"
		"sequence t_intro.counters_id_seq type=bigint start=10 increment=5 minvalue=1 "
		"maxvalue=1000 cache=3 cycle=1 owned_by=counters.id identity\n"
		"sequence t_intro.counters_n_seq type=integer start=1 increment=1 minvalue=1 "
		"maxvalue=2147483647 cache=1 cycle=0 owned_by=counters.n identity\n"
		"sequence t_intro.free_seq type=bigint start=7 increment=2 minvalue=5 "
		"maxvalue=9223372036854775807 cache=1 cycle=0\n"
		"sequence t_intro.owned_seq type=smallint start=3 increment=1 minvalue=1 "
		"maxvalue=32767 cache=1 cycle=0 owned_by=posts.n\n"
		"sequence t_intro.users_id_seq type=integer start=1 increment=1 minvalue=1 "
		"maxvalue=2147483647 cache=1 cycle=0 owned_by=users.id\n"
		"view t_intro.v_posts\n";
	const char *url = getenv("ALEMBIC_TEST_PG_URL");
	static const char *const schemas[] = {"t_intro"};
	struct arena a = ARENA_INIT;
	struct db_introspect_opts o = {
		.schemas = schemas, .n_schemas = 1, .version_schema = "t_intro"};
	struct db_schema s;
	struct buf out = BUF_INIT;
	struct db_url u;
	struct err e;
	struct db *db = NULL;

	CHECK(url != NULL);
	if (!url || url_parse(&a, url, &u, &e) < 0 || db_open(&u, 2000, &db, &e) < 0) {
		CHECK(db != NULL);
		return;
	}
	for (size_t i = 0; i < sizeof(ddl) / sizeof(ddl[0]); i++)
		CHECK(db_exec(db, ddl[i], NULL, &e) == 0);
	CHECK(db_introspect(db, &a, &o, &s, &e) == 0);
	CHECK_INT(s.n_queries, 7);
	CHECK_INT(s.n_enums >= 1, 1);
	for (size_t i = 0, n = 0; i < s.n_enums; i++) /* other tests' enums may exist */
		if (!strcmp(s.enums[i].schema, "t_intro"))
			s.enums[n++] = s.enums[i], s.n_enums = n;
	db_schema_dump(&a, &s, "postgresql", &out);
	CHECK_STR(out.ptr ? out.ptr : "", want);
	if (getenv("T_INTROSPECT_KEEP") == NULL)
		db_exec(db, "DROP SCHEMA t_intro CASCADE", NULL, &e);
	buf_release(&out);
	db_close(db);
	arena_release(&a);
}

static const struct unit_test tests[] = {
	UNIT(test_sqlite_whole_schema),
	UNIT(test_unsupported_driver),
	UNIT(test_pg_schema),
	{0},
};

UNIT_MAIN(tests)

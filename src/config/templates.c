/*
 * templates.c - our native init template `sql` and the list of every
 * template (Alembic's own three are generated data in templates_alembic.c;
 * see init.h).  The texts are data: keep them byte-exact.
 */
#include "config/init.h"

/* The sql template's README; its first line is the list_templates synopsis. */
static const char init_readme_sql[] =
	"Native single-database configuration with plain SQL revisions.\n"
	"\n"
	"This directory belongs to the `alembic` command, a native implementation of\n"
	"Alembic's workflow: no Python and no env.py are needed.\n"
	"\n"
	"  versions/          the revision files, one per schema change\n"
	"  script.sql.tmpl    the template `alembic revision -m \"message\"` fills in\n"
	"\n"
	"A revision is a plain SQL file.  Its header comments hold the message, the\n"
	"revision id and the revision it revises; the SQL under \"-- migrate:upgrade\"\n"
	"runs on `alembic upgrade`, the SQL under \"-- migrate:downgrade\" on\n"
	"`alembic downgrade`.\n"
	"\n"
	"Settings live in alembic.ini, including the ones Python Alembic keeps in\n"
	"env.py (version_table, version_table_schema, transaction_per_migration ...).\n"
	"The database URL is sqlalchemy.url; values may use ${VAR} and\n"
	"${VAR:-default}.  The generated ${POSTGRES_URL} follows the POSTGRES_URL\n"
	"environment variable; a command that connects while it is unset fails and\n"
	"names it (there is no fallback database).  `alembic config` shows the\n"
	"effective settings and where each comes from, and\n"
	"`alembic config --set key=value` changes one in place.\n";

/* The native revision template: its ${...} placeholders are filled by src/script,
 * which also uses it when a project has no script.sql.tmpl. */
const char init_script_sql[] = "-- ${message}\n"
			       "--\n"
			       "-- Revision ID: ${up_revision}\n"
			       "-- Revises: ${down_revision}\n"
			       "-- Create Date: ${create_date}\n"
			       "${header_extra}\n"
			       "-- migrate:upgrade\n"
			       "${upgrades}\n"
			       "\n"
			       "-- migrate:downgrade\n"
			       "${downgrades}\n";

/* alembic.ini: Alembic's generic alembic.ini.mako reworked for our keys, no inline
 * comments and no default URL; ${script_location} is replaced (init.c).  Its
 * [post_write_hooks] and logging sections are Alembic's (ini_tail_from). */
static const char init_ini_sql[] =
	"# A generic, single database configuration.\n"
	"\n"
	"[alembic]\n"
	"# path to migration scripts (relative to the current directory unless it\n"
	"# starts with %(here)s, the directory of this file)\n"
	"script_location = ${script_location}\n"
	"\n"
	"# template used to generate migration file names; The default value is %%(rev)s_%%(slug)s\n"
	"# Uncomment the line below if you want the files to be prepended with date and time\n"
	"# see https://alembic.sqlalchemy.org/en/latest/tutorial.html#editing-the-ini-file\n"
	"# for all available tokens\n"
	"# file_template = "
	"%%(year)d_%%(month).2d_%%(day).2d_%%(hour).2d%%(minute).2d-%%(rev)s_%%(slug)s\n"
	"\n"
	"# sys.path path, will be prepended to sys.path if present.\n"
	"# defaults to the current working directory.\n"
	"# (read by Python Alembic only)\n"
	"prepend_sys_path = .\n"
	"\n"
	"# timezone to use when rendering the date within the migration file\n"
	"# as well as the filename.\n"
	"# string value is a time zone name such as UTC or Europe/Berlin\n"
	"# leave blank for localtime\n"
	"# timezone =\n"
	"\n"
	"# max length of characters to apply to the\n"
	"# \"slug\" field\n"
	"# truncate_slug_length = 40\n"
	"\n"
	"# set to 'true' to run the environment during\n"
	"# the 'revision' command, regardless of autogenerate\n"
	"# revision_environment = false\n"
	"\n"
	"# set to 'true' to allow .pyc and .pyo files without\n"
	"# a source .py file to be detected as revisions in the\n"
	"# versions/ directory\n"
	"# sourceless = false\n"
	"\n"
	"# version location specification; This defaults\n"
	"# to ${script_location}/versions.  When using multiple version\n"
	"# directories, initial revisions must be specified with --version-path.\n"
	"# The path separator used here should be the separator specified by "
	"\"version_path_separator\" below.\n"
	"# version_locations = %(here)s/bar:%(here)s/bat:${script_location}/versions\n"
	"\n"
	"# set to 'true' to search the version locations recursively (subdirectories)\n"
	"# recursive_version_locations = false\n"
	"\n"
	"# version path separator; As mentioned above, this is the character used to split\n"
	"# version_locations. The default within new alembic.ini files is \"os\", which uses "
	"os.pathsep.\n"
	"# If this key is omitted entirely, it falls back to the legacy behavior of splitting on "
	"spaces and/or commas.\n"
	"# Valid values for version_path_separator are:\n"
	"#\n"
	"# version_path_separator = :\n"
	"# version_path_separator = ;\n"
	"# version_path_separator = space\n"
	"# version_path_separator = newline\n"
	"# version_path_separator = os\n"
	"# (path_separator, Alembic 1.16's name for this key, is read too and wins.)\n"
	"# (comments must be on their own line: text after a value is part of the value)\n"
	"version_path_separator = os\n"
	"\n"
	"# the output encoding used when revision files\n"
	"# are written from the script template\n"
	"# output_encoding = utf-8\n"
	"\n"
	"# format of new revision files: 'sql' (plain SQL under \"-- migrate:upgrade\" and\n"
	"# \"-- migrate:downgrade\", from script.sql.tmpl) or 'py' (Alembic's Python\n"
	"# revisions, from script.py.mako)\n"
	"# revision_format = sql\n"
	"\n"
	"# settings Python Alembic takes from env.py's context.configure():\n"
	"# name and schema of the table that records the applied revisions\n"
	"# version_table = alembic_version\n"
	"# version_table_schema =\n"
	"# give the version table a primary key\n"
	"# version_table_pk = true\n"
	"# 'true' runs each migration in its own transaction instead of one for the\n"
	"# whole command\n"
	"# transaction_per_migration = false\n"
	"\n"
	"# seconds to wait for the migration lock another deploy holds before giving up\n"
	"# lock_timeout = 60\n"
	"\n"
	"# the database URL.  ${VAR} is replaced by the environment variable VAR and\n"
	"# ${VAR:-default} by VAR or, when VAR is unset or empty, by default; write $$\n"
	"# for a literal $ and %% for a literal %.\n"
	"sqlalchemy.url = ${POSTGRES_URL}\n"
	"\n"
	"\n";

static const struct init_file init_files_sql[] = {
	{"README", init_readme_sql},
	{"script.sql.tmpl", init_script_sql},
	{NULL, NULL},
};

/* Our native layout (plain SQL revisions, no env.py). */
static const struct init_template init_template_sql = {
	"sql",
	"Native single-database configuration with plain SQL revisions.",
	init_files_sql,
	init_ini_sql,
	&init_template_generic,
};

/* list_templates order: Alembic's own (os.listdir() of its templates
 * directory as installed here: ref §3.1), then ours. */
const struct init_template *const init_templates[] = {
	&init_template_multidb,
	&init_template_generic,
	&init_template_async,
	&init_template_sql,
	NULL,
};

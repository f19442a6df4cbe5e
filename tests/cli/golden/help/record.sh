#!/bin/sh
# record.sh - records the --help goldens of tests/cli/cli_help.sh from the
# oracle, Debian's Alembic 1.8.1 under Python 3.11 (COLUMNS=80).
#
#   <command>.txt   `alembic <command> --help` for Alembic's 14 commands,
#                   exactly as the oracle prints them;
#   <command>.<N>.txt  the same at COLUMNS=N (wrapping of usage and help);
#   current.txt     recorded like alembic.txt: Alembic 1.17.1's
#                   --check-heads added to `current` (src/cli/cmd_current.c);
#   revision*.txt   likewise, with our --no-verify (autogenerate's
#                   self-verification, src/cli/autogen.c) added to `revision`;
#   alembic.txt     the tool's help and config.txt `alembic config --help`:
#                   Alembic's own argparse parser (config.CommandLine) with
#                   our additions made through argparse itself: -q/--quiet
#                   (as Alembic 1.11 adds it), the `config` command and
#                   Alembic 1.9's `check` (check.txt; its help text is 1.9's
#                   docstring), placed in alphabetical order like the other
#                   commands.
#                   The option texts are the ones in src/cli/cli.c and
#                   src/cli/cmd_config.c.
# Run from anywhere: sh tests/cli/golden/help/record.sh
set -eu
cd "$(dirname "$0")"
PY=/usr/bin/python3
export COLUMNS=80
for c in branches current downgrade edit ensure_version heads history init \
	list_templates merge revision show stamp upgrade; do
	$PY -m alembic "$c" --help >"$c.txt"
done
for w in 60 100; do
	for c in revision merge stamp history; do
		COLUMNS=$w $PY -m alembic "$c" --help >"$c.$w.txt"
	done
done
$PY - <<'PYEOF'
import argparse
import os
from alembic.config import CommandLine

cl = CommandLine(prog="alembic")
p = cl.parser
p.add_argument("-q", "--quiet", action="store_true", help="Do not log to std output.")
sub = next(a for a in p._actions if isinstance(a, argparse._SubParsersAction))
cfg = sub.add_parser(
    "config",
    help="Show the configuration, one setting, or set a setting in the .ini file.",
)
cfg.add_argument(
    "--set", action="append", metavar="KEY=VALUE",
    help="Set KEY to VALUE in the .ini file, keeping its comments and layout",
)
cfg.add_argument("key", nargs="?", help="name of one setting to print, e.g. sqlalchemy.url")
chk = sub.add_parser(
    "check", help="Check if revision command with autogenerate has pending upgrade ops."
)
# keep the choices alphabetical, as Alembic's own (dir(command) order)
sub.choices = dict(sorted(sub.choices.items()))
sub._choices_actions.sort(key=lambda a: a.dest)
cur = sub.choices["current"]
cur.add_argument(
    "--check-heads", action="store_true",
    help="Check if all head revisions are applied to the database. Exit with an "
    "error code if this is not the case.",
)
rev = sub.choices["revision"]
rev.add_argument(
    "--no-verify", action="store_true",
    help="With --autogenerate: don't run the new revision both ways inside a rolled-back "
    "transaction to check that it reaches the model and comes back.",
)
for w in (80, 60, 100):
    os.environ["COLUMNS"] = str(w)
    name = "revision.txt" if w == 80 else "revision.%d.txt" % w
    with open(name, "w") as f:
        f.write(rev.format_help())
os.environ["COLUMNS"] = "80"
with open("current.txt", "w") as f:
    f.write(cur.format_help())
with open("alembic.txt", "w") as f:
    f.write(p.format_help())
with open("config.txt", "w") as f:
    f.write(cfg.format_help())
with open("check.txt", "w") as f:
    f.write(chk.format_help())
PYEOF

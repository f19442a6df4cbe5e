#!/bin/sh
# cli_args.sh - the option parser: argparse's usage errors (texts measured
# with the oracle, exit 2, stderr), prefixes, "--opt=value", "-mVALUE",
# flag clusters, "--", negative numbers as values, global options.
. "$(dirname "$0")/lib.sh"
new_project
export COLUMNS=80

TOP_USAGE='usage: alembic [-h] [--version] [-c CONFIG] [-n NAME] [-x X] [--raiseerr] [-q]
               {branches,check,config,current,downgrade,edit,ensure_version,heads,history,init,list_templates,merge,revision,show,stamp,upgrade}
               ...'
CHOICES="{branches,check,config,current,downgrade,edit,ensure_version,heads,history,init,list_templates,merge,revision,show,stamp,upgrade}"
QUOTED="'branches', 'check', 'config', 'current', 'downgrade', 'edit', 'ensure_version', 'heads', 'history', 'init', 'list_templates', 'merge', 'revision', 'show', 'stamp', 'upgrade'"

# usage_err DESC ARGS... <<EOF (the whole expected stderr)
usage_err() {
	desc=$1
	shift
	run alembic "$@"
	expect_rc 2 "$desc: exit 2"
	expect_err "$desc"
	if [ -s "$T_ROOT/.out" ]; then not_ok "$desc: nothing on stdout"; else ok; fi
}

usage_err "no command" <<EOF
$TOP_USAGE
alembic: error: too few arguments
EOF

usage_err "unknown command" nosuch <<EOF
$TOP_USAGE
alembic: error: argument $CHOICES: invalid choice: 'nosuch' (choose from $QUOTED)
EOF

usage_err "a command Alembic 1.8.1 lacks is still a usage error" nosuch_check <<EOF
$TOP_USAGE
alembic: error: argument $CHOICES: invalid choice: 'nosuch_check' (choose from $QUOTED)
EOF

usage_err "unknown option of a command" heads --bogus <<EOF
$TOP_USAGE
alembic: error: unrecognized arguments: --bogus
EOF

usage_err "extra positionals" heads -v -v x y <<EOF
$TOP_USAGE
alembic: error: unrecognized arguments: x y
EOF

usage_err "second revision of show" show a b <<EOF
$TOP_USAGE
alembic: error: unrecognized arguments: b
EOF

usage_err "nargs=+ stops at an option" stamp a --sql b <<EOF
$TOP_USAGE
alembic: error: unrecognized arguments: b
EOF

usage_err "unknown tool option" --autog <<EOF
$TOP_USAGE
alembic: error: unrecognized arguments: --autog
EOF

usage_err "missing positional" show <<'EOF'
usage: alembic show [-h] rev
alembic show: error: the following arguments are required: rev
EOF

usage_err "missing revisions (wrapped usage)" merge <<'EOF'
usage: alembic merge [-h] [-m MESSAGE] [--branch-label BRANCH_LABEL]
                     [--rev-id REV_ID]
                     revisions [revisions ...]
alembic merge: error: the following arguments are required: revisions
EOF

usage_err "missing directory" init <<'EOF'
usage: alembic init [-h] [-t TEMPLATE] [--package] directory
alembic init: error: the following arguments are required: directory
EOF

usage_err "option without its value" history -r <<'EOF'
usage: alembic history [-h] [-r REV_RANGE] [-v] [-i]
alembic history: error: argument -r/--rev-range: expected one argument
EOF

usage_err "-r -1: is an option, not a value" history -r -1: <<'EOF'
usage: alembic history [-h] [-r REV_RANGE] [-v] [-i]
alembic history: error: argument -r/--rev-range: expected one argument
EOF

usage_err "-m -x" revision -m -x <<'EOF'
usage: alembic revision [-h] [-m MESSAGE] [--autogenerate] [--sql]
                        [--head HEAD] [--splice] [--branch-label BRANCH_LABEL]
                        [--version-path VERSION_PATH] [--rev-id REV_ID]
                        [--depends-on DEPENDS_ON] [--no-verify]
alembic revision: error: argument -m/--message: expected one argument
EOF

usage_err "ambiguous prefix" revision --s <<'EOF'
usage: alembic revision [-h] [-m MESSAGE] [--autogenerate] [--sql]
                        [--head HEAD] [--splice] [--branch-label BRANCH_LABEL]
                        [--version-path VERSION_PATH] [--rev-id REV_ID]
                        [--depends-on DEPENDS_ON] [--no-verify]
alembic revision: error: ambiguous option: --s could match --sql, --splice
EOF

usage_err "flag cluster with an unknown flag" heads -vx <<'EOF'
usage: alembic heads [-h] [-v] [--resolve-dependencies]
alembic heads: error: argument -v/--verbose: ignored explicit argument 'x'
EOF

usage_err "flag given a value" --raiseerr=1 heads <<EOF
$TOP_USAGE
alembic: error: argument --raiseerr: ignored explicit argument '1'
EOF

usage_err "-c without a file" -c <<EOF
$TOP_USAGE
alembic: error: argument -c/--config: expected one argument
EOF

usage_err "-- before the command" -- heads <<EOF
$TOP_USAGE
alembic: error: argument $CHOICES: invalid choice: '--' (choose from $QUOTED)
EOF

usage_err "a lone -- after a command without positionals" heads -- <<EOF
$TOP_USAGE
alembic: error: unrecognized arguments: --
EOF

usage_err "a final -- is not a command word" -- <<EOF
$TOP_USAGE
alembic: error: unrecognized arguments: --
EOF

usage_err "-- is never an option's value" -x -- heads <<EOF
$TOP_USAGE
alembic: error: argument -x: expected one argument
EOF

usage_err "-- after -m" revision -m -- x <<'EOF'
usage: alembic revision [-h] [-m MESSAGE] [--autogenerate] [--sql]
                        [--head HEAD] [--splice] [--branch-label BRANCH_LABEL]
                        [--version-path VERSION_PATH] [--rev-id REV_ID]
                        [--depends-on DEPENDS_ON] [--no-verify]
alembic revision: error: argument -m/--message: expected one argument
EOF

usage_err "tool option after the command" heads -c x <<EOF
$TOP_USAGE
alembic: error: unrecognized arguments: -c x
EOF

usage_err "config --set and a key" config --set a=b key <<'EOF'
usage: alembic config [-h] [--set KEY=VALUE] [key]
alembic config: error: argument --set: not allowed with argument key
EOF

usage_err "config --set without =" config --set novalue <<'EOF'
usage: alembic config [-h] [--set KEY=VALUE] [key]
alembic config: error: argument --set: expected KEY=VALUE, got 'novalue'
EOF

# What parses: each reaches the command (no alembic.ini here: FAILED, 255).
NOCFG="FAILED: No config file 'alembic.ini' found, or file has no '[alembic]' section"
for args in "upgrade -1" "downgrade -1" "show -1" "revision -m -1" "history -ir1:" \
	"history --rev-range=-1:" "history -r-1:" "revision --autog" "revision --de a" \
	"revision --rev x" "revision -mmsg" "revision -m=msg" "show -- -x" "show a --" \
	"-x a=1 -x b=2 heads" "-n alembic heads" "-q heads"; do
	# shellcheck disable=SC2086
	run alembic $args
	expect_rc 255 "parses: $args"
	expect_out "parses: $args" <<EOF
$NOCFG
EOF
done

run alembic --conf=other.ini heads
expect_out "--conf=FILE: prefix with =" <<'EOF'
FAILED: No config file 'other.ini' found, or file has no '[alembic]' section
EOF

run alembic --c other.ini heads
expect_out "--c: unique prefix of --config" <<'EOF'
FAILED: No config file 'other.ini' found, or file has no '[alembic]' section
EOF

run alembic -cother.ini heads
expect_out "-cFILE attached" <<'EOF'
FAILED: No config file 'other.ini' found, or file has no '[alembic]' section
EOF

ALEMBIC_CONFIG=env.ini run alembic heads
expect_out "ALEMBIC_CONFIG is the default -c" <<'EOF'
FAILED: No config file 'env.ini' found, or file has no '[alembic]' section
EOF

run alembic -n other heads
expect_out "-n names the section" <<'EOF'
FAILED: No config file 'alembic.ini' found, or file has no '[other]' section
EOF

run alembic --raiseerr heads
expect_rc 1 "--raiseerr: exit 1 instead of 255"
expect_err "--raiseerr: the message on stderr" <<'EOF'
ERROR: No config file 'alembic.ini' found, or file has no '[alembic]' section
EOF
if [ -s "$T_ROOT/.out" ]; then not_ok "--raiseerr: nothing on stdout"; else ok; fi

finish

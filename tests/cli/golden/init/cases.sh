# tests/cli/golden/init/cases.sh - the `init` scenarios recorded from Alembic
# 1.8.1 (record.sh) and replayed on our executable (tests/cli/cli_init.sh).
# Sourced; each case_<name> runs in a fresh empty directory with $A set to the
# command to test (the oracle or ours).  Every file the case leaves, its stdout,
# stderr and exit status are compared byte for byte, after two
# normalisations: the project's absolute path becomes @P@ and a revision's
# "Create Date: ..." value becomes @DATE@.
INIT_CASES="generic generic_package async multidb_package empty_dir ini_exists
other_ini nested_dir not_empty no_template revisions list_templates"

case_generic() { $A init migrations; }
case_generic_package() { $A init --package migrations; }
case_async() { $A init -t async migrations; }
case_multidb_package() { $A init -t multidb --package mdb; }
case_empty_dir() { mkdir migrations && $A init migrations; }
case_ini_exists() { printf '[alembic]\nscript_location = x\n' >alembic.ini && $A init migrations; }
case_other_ini() { $A -c other.ini init --template generic scripts; }
case_nested_dir() { $A init a/b/migrations; }
case_not_empty() { mkdir migrations && touch migrations/x && $A init migrations; }
case_no_template() { $A init -t nosuch migrations; }
# the guide's revision commands in a freshly initialised project
case_revisions() {
	$A init migrations >/dev/null &&
		$A revision -m "Description of changes" --rev-id 4f6e65ec8029 &&
		$A revision --rev-id abc123 -m "Description of changes" &&
		$A revision -m "feature" --rev-id feat01 --head 4f6e65ec8029 --splice &&
		$A merge -m "Merge feature branches" --rev-id m1 abc123 feat01 &&
		$A revision --rev-id e1 --branch-label lbl --depends-on abc123 &&
		$A heads
}
# ours lists one template more (sql); cli_init.sh checks that line apart
case_list_templates() { $A list_templates; }

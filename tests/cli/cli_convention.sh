#!/bin/sh
# cli_convention.sh - a naming convention env.py's target_metadata may carry
# that we cannot read without Python (issue 9 item 4): a project module it
# imports mentions naming_convention.  Every op.* name the convention would
# give or change (a given name that is not op.f(), an unnamed constraint) is
# refused at the operation's file:line, naming env.py:line and the module's
# line; op.f() names pass; a comment does not count; with the convention
# gone (or target_metadata None) the same revision compiles.  Where Python
# Alembic runs, it shows the name the refusal protects against.
. "$(dirname "$0")/lib.sh"

# refused LABEL PART: `upgrade head --sql` fails, PART in its message.
refused() {
	run alembic upgrade head --sql
	expect_rc 1 "$1: refused"
	expect_err_has "$2" "$1: the message"
}

new_project
run alembic init migrations
expect_rc 0 "init"
mkdir app
: >app/__init__.py
cat >app/db.py <<'PY'
import sqlalchemy as sa
# naming_convention (a comment: not a mention)
metadata = sa.MetaData(naming_convention={"ck": "ck_%(table_name)s_%(constraint_name)s"})
PY
printf 'from .db import metadata  # noqa\n' >app/models.py
sed -i 's/^target_metadata = None$/from app.models import metadata\ntarget_metadata = metadata/' migrations/env.py
L=$(grep -n '^target_metadata = metadata$' migrations/env.py | cut -d: -f1)
sed -i 's|^sqlalchemy.url = .*|sqlalchemy.url = postgresql://u@localhost/db|' alembic.ini
run alembic revision -m a --rev-id a1
expect_rc 0 "revision"
F=migrations/versions/a1_a.py
sed -i 's/^    pass$/    op.create_table("t", sa.Column("id", sa.Integer(), nullable=False),\n        sa.Column("x", sa.Integer()), sa.PrimaryKeyConstraint("id", name=op.f("pk_t")))\n    op.create_check_constraint(CK, "t", "x > 0")/' "$F"
sed -i 's/^depends_on = None$/&\nCK = "positive"/' "$F"
CL=$(grep -n 'op.create_check_constraint' "$F" | cut -d: -f1)

run alembic upgrade head --sql
expect_rc 1 "a given name the convention may rewrite: refused"
expect_err_has "$P/$F:$CL:5: a check constraint 'positive': a naming convention with %(constraint_name)s would change this name" "names the operation's file:line"
expect_err_has "migrations/env.py:$L: target_metadata = metadata may carry a naming convention (app/db.py:3 mentions naming_convention)" "names env.py:line and the module's line"
expect_err_has "op.f('positive')" "says how to name it"
expect_eq "$(cat "$T_ROOT/.out")" "BEGIN;" "nothing of the script printed"

if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import alembic' 2>/dev/null; then
	run /usr/bin/python3 -m alembic upgrade head --sql
	expect_out_has "ADD CONSTRAINT ck_t_positive CHECK (x > 0);" "Python Alembic rewrites the name (what the refusal prevents)"
fi

sed -i 's/^CK = "positive"$/CK = op.f("ck_t_positive")/' "$F"
run alembic upgrade head --sql
expect_rc 0 "an op.f() name is final"
expect_out_has "ALTER TABLE t ADD CONSTRAINT ck_t_positive CHECK (x > 0);" "op.f() name as given"

sed -i 's/^CK = .*$/CK = None/' "$F"
refused "an unnamed constraint" "a check constraint without a name: the name depends on the naming convention"

sed -i 's/^metadata = sa.MetaData(.*$/metadata = sa.MetaData()/' app/db.py
sed -i 's/^CK = .*$/CK = "positive"/' "$F"
run alembic upgrade head --sql
expect_rc 0 "no mention of naming_convention: the default convention"
expect_out_has "ALTER TABLE t ADD CONSTRAINT positive CHECK (x > 0);" "the given name as given"

printf 'import sqlalchemy as sa\nmetadata = sa.MetaData()\nmetadata.naming_convention = {}\n' >app/db.py
refused "a convention set after MetaData()" "app/db.py:3 mentions naming_convention"

# a metadata from a module that is not a file of the project: unknown
printf 'import sqlalchemy as sa\nmetadata = sa.MetaData()\n' >app/db.py
sed -i 's/^from app.models import metadata$/from shared.models import metadata/' migrations/env.py
refused "target_metadata from a module we cannot read" \
	"migrations/env.py:$L: target_metadata = metadata comes from module 'shared.models', which is not a file of the project (prepend_sys_path) and cannot be read"
mkdir -p shared && printf 'from app.db import metadata\n' >shared/models.py
run alembic upgrade head --sql
expect_rc 0 "the module is a project file (followed to app/db.py): the default convention"
printf 'from corp_lib.db import metadata\n' >shared/models.py
refused "followed through a project file to a module we cannot read" "comes from module 'corp_lib.db'"
printf 'from corp_lib.db import *  # noqa\n' >shared/models.py
refused "a star import of a module we cannot read" "comes from module 'corp_lib.db'"
printf 'from app.db import *  # noqa\n' >shared/models.py
run alembic upgrade head --sql
expect_rc 0 "a star import of a project file, followed"
printf 'from sqlalchemy import MetaData\nmetadata = MetaData()\n' >shared/models.py
sed -i 's/^from shared.models import metadata$/from shared.models import (\n    metadata,\n)/' migrations/env.py
run alembic upgrade head --sql
expect_rc 0 "a parenthesized import of a project file"

sed -i 's/^target_metadata = metadata$/target_metadata = None/' migrations/env.py
run alembic upgrade head --sql
expect_rc 0 "target_metadata = None: no convention"

# --- a literal convention in env.py: applied as SQLAlchemy applies it -------------
new_project
run alembic init migrations
sed -i 's|^sqlalchemy.url = .*|sqlalchemy.url = postgresql://u@localhost/db|' alembic.ini
cat >conv.py <<'PY'
from sqlalchemy import MetaData
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(referred_column_0_name)s_%(column_0_key)s",
    "pk": "pk%%_%(table_name)s",
}
target_metadata = MetaData(naming_convention=NAMING)
PY
awk 'FNR == NR { conv = conv $0 "\n"; next } /^target_metadata = None$/ { printf "%s", conv; next } { print }' conv.py migrations/env.py >env.new &&
	mv env.new migrations/env.py
run alembic revision -m a --rev-id a1
F=migrations/versions/a1_a.py
cat >body.py <<'PY'
    op.create_table('p', sa.Column('id', sa.Integer(), primary_key=True))
    op.create_table('t',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('a', sa.Integer(), unique=True),
        sa.Column('b', sa.Integer(), index=True),
        sa.Column('c', sa.Integer()),
        sa.Column('p2', sa.Integer()),
        sa.CheckConstraint('c > 0', name='positive'),
        sa.UniqueConstraint('b', 'c'),
        sa.PrimaryKeyConstraint('id'))
    op.create_foreign_key(None, 't', 'p', ['p2'], ['id'], ondelete='CASCADE')
    op.create_unique_constraint(None, 't', ['p2'])
    op.create_check_constraint('c_pos', 't', 'c > 1')
    op.create_index(op.f('ix_final'), 't', ['c'])
    op.create_index(None, 't', ['p2', 'c'], unique=True)
    op.create_table('s1', sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('q', sa.Integer(), index=True), schema='sch')
PY
awk 'FNR == NR { body = body $0 "\n"; next } /^    pass$/ && !done { printf "%s", body; done = 1; next } { print }' body.py "$F" >rev.new &&
	mv rev.new "$F"
run alembic upgrade head --sql
expect_rc 0 "a literal convention: applied"
for n in 'CONSTRAINT "pk%_t" PRIMARY KEY (id)' 'CONSTRAINT ck_t_positive CHECK (c > 0)' \
	'CONSTRAINT uq_t_b_c UNIQUE (b, c)' 'CONSTRAINT uq_t_a UNIQUE (a)' 'CREATE INDEX ix_t_b ON t (b);' \
	'ADD CONSTRAINT fk_t_id_p2 FOREIGN KEY(p2) REFERENCES p (id) ON DELETE CASCADE;' \
	'ADD CONSTRAINT uq_t_p2 UNIQUE (p2);' 'ADD CONSTRAINT ck_t_c_pos CHECK (c > 1);' \
	'CREATE INDEX ix_final ON t (c);' 'CREATE UNIQUE INDEX ix_t_p2c ON t (p2, c);' \
	'CONSTRAINT "pk%_s1" PRIMARY KEY (id)' 'CREATE INDEX ix_s1_q ON sch.s1 (q);'; do
	expect_out_has "$n" "a literal convention: $n"
done
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import alembic' 2>/dev/null; then
	cp "$T_ROOT/.out" ours.sql
	run /usr/bin/python3 -m alembic upgrade head --sql
	expect_eq "$(cat ours.sql)" "$(cat "$T_ROOT/.out")" "a literal convention: Python Alembic's script"
fi
sed -i "s/^    op.create_table('p', .*/&\n    op.create_table('k', sa.Column('v', sa.Integer(), sa.ForeignKey('p.id')))/" "$F"
refused "a token SQLAlchemy cannot give there" "uses what is not known natively here (%(referred_column_0_name)s)"
sed -i "/op.create_table('k'/d" "$F"
sed -i "s/^    op.create_check_constraint('c_pos'/    op.drop_constraint('uq_t_b_c', 't', type_='unique')\n&/" "$F"
run alembic upgrade head --sql
expect_rc 0 "drop_constraint of a name the \"uq\" template does not rewrite"
sed -i "s/^    op.drop_constraint('uq_t_b_c'.*/    op.drop_constraint('positive', 't', type_='check')/" "$F"
refused "drop_constraint of a name the \"ck\" template rewrites" "drop_constraint 'positive': env.py's naming convention (its \"ck\" template) would name it here"
sed -i "s/^    op.drop_constraint('positive'.*/    op.create_unique_constraint('named', 't', ['c'])/" "$F"
sed -i 's/"uq": "uq_%(table_name)s_%(column_0_N_name)s"/"uq": "uq_%(constraint_name)s"/' migrations/env.py
refused "an unnamed unique constraint under \"uq_%(constraint_name)s\"" \
	"Naming convention including %(constraint_name)s token requires that constraint is explicitly named."

# A SQLite batch rebuild under the convention: the new table is made in the batch's own
# MetaData(), so the reflected unnamed constraints stay unnamed (as Alembic leaves them).
sed -i 's|^sqlalchemy.url = .*|sqlalchemy.url = sqlite:///app.db|' alembic.ini
cat >body.py <<'PY'
    op.execute("CREATE TABLE t (id INTEGER NOT NULL, x INTEGER, PRIMARY KEY (id), UNIQUE (x))")
    with op.batch_alter_table('t') as batch_op:
        batch_op.alter_column('x', nullable=False, existing_type=sa.Integer())
PY
rm -f "$F"
run alembic revision -m a --rev-id a1
awk 'FNR == NR { body = body $0 "\n"; next } /^    pass$/ && !done { printf "%s", body; done = 1; next } { print }' body.py "$F" >rev.new &&
	mv rev.new "$F"
run alembic upgrade head
expect_rc 0 "a batch rebuild under the convention"
expect_eq "$(sqlite3 app.db "SELECT sql FROM sqlite_master WHERE name = 't'" | tr -d '\n\t ')" \
	'CREATETABLE"t"(idINTEGERNOTNULL,xINTEGERNOTNULL,PRIMARYKEY(id),UNIQUE(x))' \
	"the rebuilt table keeps its unnamed constraints unnamed"
finish

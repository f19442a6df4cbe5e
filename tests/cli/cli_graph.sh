#!/bin/sh
# cli_graph.sh - heads, history (ranges, relative forms, errors), branches
# and show over two projects of the reference (p3: a branch point; p4:
# labels, two version directories, dependencies).  Expected texts are the
# oracle's (Alembic 1.8.1 on the same files), except where Alembic prints a
# Python set or readdir order: there bytewise order (reference §13).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/golden/fixtures.sh"

new_project
project_p3

run alembic heads
expect_rc 0 "p3: heads (exit)"
expect_out "p3: heads" <<EOF
bbbb0002 (head)
cccc0001 (head)
EOF

run alembic heads -v
expect_rc 0 "p3: heads -v (exit)"
expect_out "p3: heads -v" <<EOF
Rev: bbbb0002 (head)
Parent: bbbb0001
Path: $P/migrations/versions/bbbb0002_b_two.py

    b two
    
    Revision ID: bbbb0002
    Revises: bbbb0001
    Create Date: 2026-11-24 00:29:08.645121

Rev: cccc0001 (head)
Parent: aaaa0001
Path: $P/migrations/versions/cccc0001_c_one.py

    c one
    
    Revision ID: cccc0001
    Revises: aaaa0001
    Create Date: 2026-11-24 00:29:08.645121

EOF

run alembic history
expect_rc 0 "p3: history (exit)"
expect_out "p3: history" <<EOF
bbbb0001 -> bbbb0002 (head), b two
aaaa0001 -> bbbb0001, b one
aaaa0001 -> cccc0001 (head), c one
<base> -> aaaa0001 (branchpoint), root a
EOF

run alembic history -v
expect_rc 0 "p3: history -v (exit)"
expect_out "p3: history -v" <<EOF
Rev: bbbb0002 (head)
Parent: bbbb0001
Path: $P/migrations/versions/bbbb0002_b_two.py

    b two
    
    Revision ID: bbbb0002
    Revises: bbbb0001
    Create Date: 2026-11-24 00:29:08.645121

Rev: bbbb0001
Parent: aaaa0001
Path: $P/migrations/versions/bbbb0001_b_one.py

    b one
    
    Revision ID: bbbb0001
    Revises: aaaa0001
    Create Date: 2026-11-24 00:29:08.645121

Rev: cccc0001 (head)
Parent: aaaa0001
Path: $P/migrations/versions/cccc0001_c_one.py

    c one
    
    Revision ID: cccc0001
    Revises: aaaa0001
    Create Date: 2026-11-24 00:29:08.645121

Rev: aaaa0001 (branchpoint)
Parent: <base>
Branches into: bbbb0001, cccc0001
Path: $P/migrations/versions/aaaa0001_root_a.py

    root a
    
    Revision ID: aaaa0001
    Revises: 
    Create Date: 2026-11-24 00:29:08.645121

EOF

run alembic branches
expect_rc 0 "p3: branches (exit)"
expect_out "p3: branches" <<EOF
aaaa0001 (branchpoint)
         -> bbbb0001
         -> cccc0001 (head)

EOF

run alembic branches -v
expect_rc 0 "p3: branches -v (exit)"
expect_out "p3: branches -v" <<EOF
Rev: aaaa0001 (branchpoint)
Parent: <base>
Branches into: bbbb0001, cccc0001
Path: $P/migrations/versions/aaaa0001_root_a.py

    root a
    
    Revision ID: aaaa0001
    Revises: 
    Create Date: 2026-11-24 00:29:08.645121

         -> bbbb0001, b one
         -> cccc0001 (head), c one

EOF

run alembic show aaaa
expect_rc 0 "p3: show aaaa (exit)"
expect_out "p3: show aaaa" <<EOF
Rev: aaaa0001 (branchpoint)
Parent: <base>
Branches into: bbbb0001, cccc0001
Path: $P/migrations/versions/aaaa0001_root_a.py

    root a
    
    Revision ID: aaaa0001
    Revises: 
    Create Date: 2026-11-24 00:29:08.645121

EOF

run alembic show head
expect_rc 255 "p3: show head (exit)"
expect_out "p3: show head" <<EOF
FAILED: Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads
EOF

run alembic show heads
expect_rc 0 "p3: show heads (exit)"
expect_out "p3: show heads" <<EOF
Rev: bbbb0002 (head)
Parent: bbbb0001
Path: $P/migrations/versions/bbbb0002_b_two.py

    b two
    
    Revision ID: bbbb0002
    Revises: bbbb0001
    Create Date: 2026-11-24 00:29:08.645121

Rev: cccc0001 (head)
Parent: aaaa0001
Path: $P/migrations/versions/cccc0001_c_one.py

    c one
    
    Revision ID: cccc0001
    Revises: aaaa0001
    Create Date: 2026-11-24 00:29:08.645121

EOF

run alembic show base
expect_rc 0 "p3: show base (exit)"
expect_out "p3: show base" <<EOF
EOF

run alembic show nosuch
expect_rc 255 "p3: show nosuch (exit)"
expect_out "p3: show nosuch" <<EOF
FAILED: Can't locate revision identified by 'nosuch'
EOF

run alembic history -r aaaa0001:
expect_rc 0 "p3: history -r aaaa0001: (exit)"
expect_out "p3: history -r aaaa0001:" <<EOF
bbbb0001 -> bbbb0002 (head), b two
aaaa0001 -> bbbb0001, b one
aaaa0001 -> cccc0001 (head), c one
<base> -> aaaa0001 (branchpoint), root a
EOF

run alembic history -r :bbbb0002
expect_rc 0 "p3: history -r :bbbb0002 (exit)"
expect_out "p3: history -r :bbbb0002" <<EOF
bbbb0001 -> bbbb0002 (head), b two
aaaa0001 -> bbbb0001, b one
<base> -> aaaa0001 (branchpoint), root a
EOF

run alembic history -r bbbb0002:cccc0001
expect_rc 255 "p3: history -r bbbb0002:cccc0001 (exit)"
expect_out "p3: history -r bbbb0002:cccc0001" <<EOF
FAILED: Requested range bbbb0002:cccc0001 does not refer to ancestor/descendant revisions along the same branch
EOF

run alembic history -r foo
expect_rc 255 "p3: history -r foo (exit)"
expect_out "p3: history -r foo" <<EOF
FAILED: History range requires [start]:[end], [start]:, or :[end]
EOF

run alembic history -r bbbb:aaaa
expect_rc 255 "p3: history -r bbbb:aaaa (exit)"
expect_out "p3: history -r bbbb:aaaa" <<EOF
FAILED: Can't locate revision identified by 'bbbb'
EOF

run alembic history -r aaaa:bbbb0001
expect_rc 0 "p3: history -r aaaa:bbbb0001 (exit)"
expect_out "p3: history -r aaaa:bbbb0001" <<EOF
aaaa0001 -> bbbb0001, b one
<base> -> aaaa0001 (branchpoint), root a
EOF

run alembic history --rev-range=-1:
expect_rc 255 "p3: history --rev-range=-1: (exit)"
expect_out "p3: history --rev-range=-1:" <<EOF
FAILED: Requested revision bbbb0001 overlaps with other requested revisions aaaa0001
EOF

run alembic history -r-1:
expect_rc 255 "p3: history -r-1: (exit)"
expect_out "p3: history -r-1:" <<EOF
FAILED: Requested revision bbbb0001 overlaps with other requested revisions aaaa0001
EOF

run alembic history -r :head
expect_rc 255 "p3: history -r :head (exit)"
expect_out "p3: history -r :head" <<EOF
FAILED: Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads
EOF

new_project
project_p4

run alembic heads
expect_rc 0 "p4: heads (exit)"
expect_out "p4: heads" <<EOF
a1000004 (core) (head)
z1000001 (zz) (effective head)
n1000003 (netlib) (head)
EOF

run alembic heads --resolve-dependencies
expect_rc 0 "p4: heads --resolve-dependencies (exit)"
expect_out "p4: heads --resolve-dependencies" <<EOF
a1000004 (core) (head)
n1000003 (netlib) (head)
EOF

run alembic history
expect_rc 0 "p4: history (exit)"
expect_out "p4: history" <<EOF
a1000003 (z1000001) -> a1000004 (core) (head), core four needs zeta
a1000002 (netlib) -> a1000003 (core), core three needs net
n1000002 (a1000002) -> n1000003 (netlib) (head), net three
n1000001 -> n1000002 (netlib), net two
a1000001 -> a1000002 (core), core two
<base> -> a1000001 (core), core one
<base> -> z1000001 (zz) (effective head), zeta base
<base> -> n1000001 (netlib), net one
EOF

run alembic show a1000003
expect_rc 0 "p4: show a1000003 (exit)"
expect_out "p4: show a1000003" <<EOF
Rev: a1000003
Parent: a1000002
Also depends on: netlib
Branch names: core
Path: $P/migrations/versions/a1000003_core_three_needs_net.py

    core three needs net
    
    Revision ID: a1000003
    Revises: a1000002
    Create Date: 2026-11-24 00:29:08.645121

EOF

run alembic show cor
expect_rc 0 "p4: show cor (exit)"
expect_out "p4: show cor" <<EOF
Rev: a1000001
Parent: <base>
Branch names: core
Path: $P/migrations/versions/a1000001_core_one.py

    core one
    
    Revision ID: a1000001
    Revises: 
    Create Date: 2026-11-24 00:29:08.645121

EOF

run alembic show core@-1
expect_rc 0 "p4: show core@-1 (exit)"
expect_out "p4: show core@-1" <<EOF
Rev: a1000003
Parent: a1000002
Also depends on: netlib
Branch names: core
Path: $P/migrations/versions/a1000003_core_three_needs_net.py

    core three needs net
    
    Revision ID: a1000003
    Revises: a1000002
    Create Date: 2026-11-24 00:29:08.645121

EOF

run alembic show netlib@a1000001
expect_rc 255 "p4: show netlib@a1000001 (exit)"
expect_out "p4: show netlib@a1000001" <<EOF
FAILED: Can't locate revision identified by 'a1000001'
EOF

run alembic show netlib@head
expect_rc 0 "p4: show netlib@head (exit)"
expect_out "p4: show netlib@head" <<EOF
Rev: n1000003 (head)
Parent: n1000002
Also depends on: a1000002
Branch names: netlib
Path: $P/netlib_versions/n1000003_net_three.py

    net three
    
    Revision ID: n1000003
    Revises: n1000002
    Create Date: 2026-11-24 00:29:08.645121

EOF

run alembic history -r netlib@base:netlib@head
expect_rc 0 "p4: history -r netlib@base:netlib@head (exit)"
expect_out "p4: history -r netlib@base:netlib@head" <<EOF
n1000002 (a1000002) -> n1000003 (netlib) (head), net three
n1000001 -> n1000002 (netlib), net two
<base> -> n1000001 (netlib), net one
a1000001 -> a1000002 (core), core two
<base> -> a1000001 (core), core one
EOF

run alembic branches
expect_rc 0 "p4: branches (exit)"
expect_out "p4: branches" <<EOF
EOF

run alembic history -r zz@base:
expect_rc 0 "p4: history -r zz@base: (exit)"
expect_out "p4: history -r zz@base:" <<EOF
EOF

run alembic history -r :base+1
expect_rc 255 "p4: history -r :base+1 (exit)"
expect_out "p4: history -r :base+1" <<EOF
FAILED: Ambiguous walk
EOF

run alembic history -r :head-1
expect_rc 255 "p4: history -r :head-1 (exit)"
expect_out "p4: history -r :head-1" <<EOF
FAILED: Multiple head revisions are present for given argument 'head-1'; please specify a specific target revision, '<branchname>@head-1' to narrow to a specific head, or 'heads' for all heads
EOF

finish

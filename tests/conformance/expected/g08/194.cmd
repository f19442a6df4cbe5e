downgrade 844da65423a9:-1 --sql

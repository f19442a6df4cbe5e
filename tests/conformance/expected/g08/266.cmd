downgrade head:844da65423a9 --sql

downgrade 844da65423a9:844da65423a9-2 --sql

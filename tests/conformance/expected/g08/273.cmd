downgrade 844da65423a9:nosuch --sql

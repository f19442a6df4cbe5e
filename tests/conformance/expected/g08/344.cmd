downgrade 844da65423a9:delta@base --sql

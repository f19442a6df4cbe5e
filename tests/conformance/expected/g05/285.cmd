downgrade 78f87b3120df:nosuch --sql

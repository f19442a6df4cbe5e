downgrade 78f87b3120df:billing@base --sql

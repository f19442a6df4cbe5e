downgrade 78f87b3120df:gamma@base --sql

downgrade 78f87b3120df:78f87b3120df-2 --sql

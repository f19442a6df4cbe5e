downgrade 78f87b3120df:5bc8bde5c099 --sql

downgrade 78f87b3120df:alpha@base --sql

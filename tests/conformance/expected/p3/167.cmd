upgrade bbbb --sql

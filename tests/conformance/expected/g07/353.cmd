downgrade f9:f9-2 --sql

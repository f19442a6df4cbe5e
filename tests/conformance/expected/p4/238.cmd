upgrade a100 --sql

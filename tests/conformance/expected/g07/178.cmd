upgrade b:+1 --sql

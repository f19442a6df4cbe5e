downgrade heads:0edca92d04a3 --sql

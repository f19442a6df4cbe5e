downgrade head:d45c9ec353c1 --sql

downgrade head:42a0ce80c4b0 --sql

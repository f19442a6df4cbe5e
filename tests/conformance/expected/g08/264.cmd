downgrade head:a9b71d1d784f --sql

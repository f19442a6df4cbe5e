downgrade a9b71d1d784f:delta@base --sql

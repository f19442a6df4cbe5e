upgrade e8625186ee32:heads --sql

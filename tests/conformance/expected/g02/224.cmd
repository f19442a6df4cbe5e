downgrade heads:e8625186ee32 --sql

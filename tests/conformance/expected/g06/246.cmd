downgrade 096d42f9a039:nosuch --sql

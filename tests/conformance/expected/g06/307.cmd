downgrade 096d42f9a039:096d42f9a039-2 --sql

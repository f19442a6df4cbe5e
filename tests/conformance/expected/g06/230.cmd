upgrade heads:096d42f9a039 --sql

upgrade base:8c --sql

upgrade base:5c --sql

upgrade base:c --sql

upgrade base:c6 --sql

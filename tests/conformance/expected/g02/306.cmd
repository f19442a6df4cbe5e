upgrade base:4 --sql

upgrade base:2 --sql

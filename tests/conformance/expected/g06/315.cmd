upgrade base:1 --sql

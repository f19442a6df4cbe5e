upgrade base:b8 --sql

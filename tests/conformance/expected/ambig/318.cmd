upgrade base:b9 --sql

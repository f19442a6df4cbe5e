upgrade base:78 --sql

upgrade base:21 --sql

upgrade base:0 --sql

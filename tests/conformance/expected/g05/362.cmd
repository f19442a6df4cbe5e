upgrade base:8 --sql

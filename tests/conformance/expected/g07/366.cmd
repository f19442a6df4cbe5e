upgrade base:f9 --sql

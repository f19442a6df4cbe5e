upgrade base:17 --sql

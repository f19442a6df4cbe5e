upgrade base:66 --sql

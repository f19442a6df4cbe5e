upgrade base:e1 --sql

upgrade base:60 --sql

upgrade base:d7 --sql

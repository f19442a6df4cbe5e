upgrade base:7 --sql

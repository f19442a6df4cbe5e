upgrade base:3 --sql

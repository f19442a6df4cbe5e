upgrade base:cd6 --sql

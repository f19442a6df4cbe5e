upgrade base:79 --sql

upgrade base:b --sql

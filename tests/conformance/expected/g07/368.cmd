upgrade base:f --sql

upgrade base:a --sql

upgrade base:1e --sql

upgrade base:e --sql

upgrade base:x --sql

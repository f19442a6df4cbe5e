upgrade base:d --sql

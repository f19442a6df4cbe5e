upgrade base:z --sql

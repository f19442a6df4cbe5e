upgrade base:ac --sql

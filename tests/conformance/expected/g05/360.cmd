upgrade base:5b --sql

upgrade base:9b --sql

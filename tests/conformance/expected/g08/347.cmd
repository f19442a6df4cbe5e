upgrade base:0b --sql

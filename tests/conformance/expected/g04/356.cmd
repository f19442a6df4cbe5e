upgrade base:fd --sql

upgrade base:cf --sql

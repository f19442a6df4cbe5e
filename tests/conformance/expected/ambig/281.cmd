upgrade base:ab --sql

upgrade base:delta@head --sql

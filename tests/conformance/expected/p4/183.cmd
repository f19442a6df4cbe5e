upgrade base:zz@head --sql

upgrade base:gamma@head --sql

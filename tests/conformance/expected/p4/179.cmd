upgrade base:core@head --sql

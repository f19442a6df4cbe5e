upgrade base:billing@head --sql

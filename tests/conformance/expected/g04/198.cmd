upgrade gamma@head --sql

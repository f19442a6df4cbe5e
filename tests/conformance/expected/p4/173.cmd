upgrade core@head --sql

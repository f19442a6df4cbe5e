upgrade alpha@head --sql

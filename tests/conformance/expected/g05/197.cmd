upgrade billing@head --sql

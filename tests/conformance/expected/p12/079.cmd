downgrade head --sql

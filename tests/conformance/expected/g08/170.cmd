upgrade zz@head --sql

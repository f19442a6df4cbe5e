upgrade ext@head --sql

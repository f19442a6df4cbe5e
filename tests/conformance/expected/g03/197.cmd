upgrade delta@head --sql

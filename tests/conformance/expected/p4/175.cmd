upgrade netlib@head --sql

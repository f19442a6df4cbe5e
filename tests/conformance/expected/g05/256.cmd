upgrade 5bc8bde5c099:f710f770c226 --sql

upgrade f710f770c226:nosuch --sql

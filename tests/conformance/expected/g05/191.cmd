upgrade f710f770c226:+1 --sql

upgrade f710f770c226:alpha@+2 --sql

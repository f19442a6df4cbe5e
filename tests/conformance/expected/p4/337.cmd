upgrade n1000002:n1000003-1 --sql

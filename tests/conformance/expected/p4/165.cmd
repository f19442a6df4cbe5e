upgrade n1000002:heads --sql

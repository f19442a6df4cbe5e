upgrade f00dcafe000 --sql

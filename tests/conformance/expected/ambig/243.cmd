downgrade f00dcafe000:base --sql

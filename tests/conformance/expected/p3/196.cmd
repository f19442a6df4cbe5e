downgrade bbbb000:base --sql

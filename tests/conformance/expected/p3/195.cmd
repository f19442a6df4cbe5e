downgrade bbbb:base --sql

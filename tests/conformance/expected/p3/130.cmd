downgrade eeee0001:base --sql

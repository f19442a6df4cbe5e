downgrade eeee0001:nosuch --sql

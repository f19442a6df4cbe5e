downgrade abcd2222:nosuch --sql

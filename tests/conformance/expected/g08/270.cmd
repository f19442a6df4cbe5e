downgrade 1607b0f91306:nosuch --sql

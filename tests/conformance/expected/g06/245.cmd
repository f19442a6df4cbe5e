downgrade b31a71f970cf:nosuch --sql

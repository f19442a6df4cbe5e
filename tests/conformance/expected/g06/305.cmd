downgrade b31a71f970cf:b31a71f970cf-2 --sql

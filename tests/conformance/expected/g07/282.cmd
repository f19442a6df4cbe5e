upgrade b:nosuch --sql

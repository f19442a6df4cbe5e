upgrade nosuch --sql

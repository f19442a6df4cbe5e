downgrade f00dcafe0001:f00dcafe0001-2 --sql

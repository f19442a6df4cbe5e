upgrade heads:f00dcafe0001 --sql

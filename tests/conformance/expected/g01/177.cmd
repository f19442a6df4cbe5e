downgrade heads:025b8a9a021e --sql

downgrade heads:28ce10645d51 --sql

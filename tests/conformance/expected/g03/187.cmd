upgrade 28ce10645d51:heads --sql

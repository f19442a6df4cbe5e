downgrade 685695c76ab4:28ce10645d51 --sql

downgrade 3fd492edcf45:5bc8bde5c099 --sql

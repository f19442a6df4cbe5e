upgrade 7d2445cf8aa4:heads --sql

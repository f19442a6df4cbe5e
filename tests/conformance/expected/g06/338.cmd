merge -m "join" ac a502b2aaf854

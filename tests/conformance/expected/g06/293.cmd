show a502b2aaf854-1

history -r :a502b2aaf854-2

upgrade 5bc8bde5c099:gamma@+2 --sql

upgrade 5bc8bde5c099:billing@+2 --sql

upgrade 5bc8bde5c099:d76df1446bea-1 --sql

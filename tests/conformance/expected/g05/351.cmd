downgrade d76df1446bea:d76df1446bea-2 --sql

downgrade d76df1446bea:nosuch --sql

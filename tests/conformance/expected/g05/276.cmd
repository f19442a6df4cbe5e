upgrade heads:d76df1446bea --sql

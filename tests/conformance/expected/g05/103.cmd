show d76df1446bea

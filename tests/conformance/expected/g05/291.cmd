stamp --sql head:d76df1446bea

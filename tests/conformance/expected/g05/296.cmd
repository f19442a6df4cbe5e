online: upgrade d76df1446bea ; current ; downgrade 5bc8bde5c099 ; current ; upgrade heads ; downgrade base

online: upgrade 5c6e15ba2bdd ; current ; downgrade d95bf2a4d27b ; current ; upgrade heads ; downgrade base

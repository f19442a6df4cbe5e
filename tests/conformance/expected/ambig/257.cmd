online: upgrade abcd2222 ; current ; downgrade abcd1111 ; current ; upgrade heads ; downgrade base

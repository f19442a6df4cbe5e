online: upgrade f00dbeef0003 ; current ; downgrade abcd1111 ; current ; upgrade heads ; downgrade base

online: upgrade f00dcafe0001 ; current ; downgrade abcd3333 ; current ; upgrade heads ; downgrade base

online: upgrade ae1027a6acf ; current ; downgrade 1975ea83b712 ; current ; upgrade heads ; downgrade base

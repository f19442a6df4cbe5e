online: upgrade 5d9d0ed99531 ; current ; downgrade b ; current ; upgrade heads ; downgrade base

online: upgrade c24f3bf36a14 ; current ; downgrade 0b35b46ee1da ; current ; upgrade heads ; downgrade base

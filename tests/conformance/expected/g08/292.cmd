online: upgrade 1607b0f91306 ; current ; downgrade c24f3bf36a14 ; current ; upgrade +1 ; downgrade base

online: upgrade 43001b2ed40e ; current ; downgrade b8a11a6916c7 ; current ; upgrade +1 ; downgrade base

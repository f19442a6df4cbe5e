online: upgrade 43001b2ed40e ; current ; downgrade 43001b2ed40e ; current ; upgrade +1 ; downgrade base

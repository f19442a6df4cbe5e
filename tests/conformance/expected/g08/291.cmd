online: upgrade 92b87eb72f82 ; current ; downgrade 6018f658f7a7 ; current ; upgrade +1 ; downgrade base

online: upgrade 1607b0f91306 ; current ; downgrade 6018f658f7a7 ; current ; upgrade heads ; downgrade base

online: upgrade 0b35b46ee1da ; current ; downgrade 6018f658f7a7 ; current ; upgrade heads ; downgrade base

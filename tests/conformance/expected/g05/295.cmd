online: upgrade f7f3f0e3cd97 ; current ; downgrade 87b0ec1d7da0 ; current ; upgrade heads ; downgrade base

online: upgrade 096d42f9a039 ; current ; downgrade 14a0d26b9496 ; current ; upgrade heads ; downgrade base

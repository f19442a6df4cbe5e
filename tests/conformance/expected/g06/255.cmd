online: upgrade e8d5d52d5759 ; current ; downgrade 14a0d26b9496 ; current ; upgrade heads ; downgrade base

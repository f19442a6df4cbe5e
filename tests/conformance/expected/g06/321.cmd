online: upgrade 14a0d26b9496 ; upgrade 5c41e9a51fb2 ; downgrade -1 ; stamp 14a0d26b9496 ; current ; stamp --purge heads ; current ; downgrade base

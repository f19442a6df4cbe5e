online: upgrade b2487b121dc5 ; current ; downgrade c30d28dbd25e ; current ; upgrade +1 ; downgrade base

online: upgrade 78f87b3120df ; current ; downgrade b2487b121dc5 ; current ; upgrade heads ; downgrade base

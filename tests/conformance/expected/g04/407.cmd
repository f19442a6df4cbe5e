online: upgrade 0690ed6f0b09 ; upgrade 42a0ce80c4b0 ; downgrade -1 ; stamp 0690ed6f0b09 ; current ; stamp --purge heads ; current ; downgrade base

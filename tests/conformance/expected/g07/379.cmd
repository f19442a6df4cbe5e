online: upgrade 4ef892276658 ; upgrade 119a74c9df6a ; downgrade -1 ; stamp 4ef892276658 ; current ; stamp --purge heads ; current ; downgrade base

online: upgrade 0f1e2d3c4b5a ; upgrade 0f1e2d3c4b5a ; downgrade -1 ; stamp 0f1e2d3c4b5a ; current ; stamp --purge heads ; current ; downgrade base

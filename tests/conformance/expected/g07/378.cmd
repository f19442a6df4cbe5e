online: upgrade 3926f28c105d ; upgrade 7403e93f4a5a ; downgrade -1 ; stamp 3926f28c105d ; current ; stamp --purge heads ; current ; downgrade base

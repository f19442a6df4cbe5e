online: upgrade 5d9d0ed99531 ; upgrade 7403e93f4a5a ; current ; downgrade -1 ; current ; stamp heads ; current

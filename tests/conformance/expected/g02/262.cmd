online: upgrade 6a27cbf87544 ; upgrade fec32e8d4b8a ; current ; downgrade -1 ; current ; stamp heads ; current

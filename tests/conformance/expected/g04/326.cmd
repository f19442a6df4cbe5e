online: upgrade b8a11a6916c7 ; upgrade c79d46d4ac7a ; current ; downgrade -1 ; current ; stamp heads ; current

online: upgrade 5bc8bde5c099 ; upgrade f710f770c226 ; current ; downgrade -1 ; current ; stamp heads ; current

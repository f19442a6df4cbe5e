online: upgrade 5c83a22ba4d7 ; upgrade f9f380f1de02 ; current ; downgrade -1 ; current ; stamp heads ; current

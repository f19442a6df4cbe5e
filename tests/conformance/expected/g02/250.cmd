online: upgrade 8384ffa9b9f1 ; current ; downgrade e8625186ee32 ; current ; upgrade heads ; downgrade base

online: upgrade b31a71f970cf ; current ; downgrade 096d4251c35f ; current ; upgrade heads ; downgrade base

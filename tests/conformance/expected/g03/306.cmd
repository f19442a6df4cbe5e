online: upgrade c76a6fa84dca ; current ; downgrade 0af497524d6a ; current ; upgrade heads ; downgrade base

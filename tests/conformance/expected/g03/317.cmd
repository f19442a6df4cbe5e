online: upgrade 633ae0f9e038 ; current ; downgrade 21638b529b4a ; current ; upgrade +1 ; downgrade base

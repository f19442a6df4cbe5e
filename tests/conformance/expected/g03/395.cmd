online: upgrade 633ae0f9e038 ; upgrade 685695c76ab4 ; downgrade -1 ; stamp 633ae0f9e038 ; current ; stamp --purge heads ; current ; downgrade base

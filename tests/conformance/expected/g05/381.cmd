online: upgrade de11ea959c21 ; upgrade 78f87b3120df ; downgrade -1 ; stamp de11ea959c21 ; current ; stamp --purge heads ; current ; downgrade base

online: upgrade 1e2f414c343c ; current ; downgrade cd61d8f16adf ; current ; upgrade heads ; downgrade base

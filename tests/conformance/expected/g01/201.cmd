online: upgrade 9b816ec9d286 ; current ; downgrade cd61d8f16adf ; current ; upgrade heads ; downgrade base

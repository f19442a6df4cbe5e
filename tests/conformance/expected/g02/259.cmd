online: upgrade 5d300706a045 ; current ; downgrade d95bf2a4d27b ; current ; upgrade +1 ; downgrade base

online: upgrade delta@+1 ; upgrade delta@+1 ; current ; downgrade delta@-1 ; current ; upgrade delta@head ; downgrade delta@base

online: upgrade f9 ; current ; downgrade 5790c1d3fcff ; current ; upgrade +1 ; downgrade base

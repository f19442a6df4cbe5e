downgrade 3926f28c105d:099936f675cc --sql

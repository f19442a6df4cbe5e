merge -m "join" 099936f675cc 119a74c9df6a

revision -m "next step" --head 099936f675cc

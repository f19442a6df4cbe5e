revision -m "next step" --rev-id "x+y"

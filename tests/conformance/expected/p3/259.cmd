revision -m "next step" --head aaaa0001

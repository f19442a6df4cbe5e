revision -m "next step" --head nosuch

revision -m "next step" --head ac

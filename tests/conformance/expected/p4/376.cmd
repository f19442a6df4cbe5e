revision -m "next step" --depends-on n100000

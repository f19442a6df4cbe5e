revision -m "next step" --depends-on 5d9d

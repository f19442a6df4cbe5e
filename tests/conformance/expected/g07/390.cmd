revision -m "next step" --depends-on 7403e

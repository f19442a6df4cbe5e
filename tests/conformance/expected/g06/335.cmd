revision -m "next step" --depends-on 7d2445c

revision -m "next step" --depends-on a100

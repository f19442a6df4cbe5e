revision -m "next step" --depends-on 096d

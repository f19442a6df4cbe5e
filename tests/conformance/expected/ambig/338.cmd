revision -m "next step" --depends-on abcd

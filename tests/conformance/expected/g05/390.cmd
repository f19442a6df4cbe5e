revision -m "next step" --depends-on nosuch

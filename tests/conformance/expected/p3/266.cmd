revision -m "next step" --depends-on bbbb

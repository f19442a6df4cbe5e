revision -m "next step" --head abcd1111

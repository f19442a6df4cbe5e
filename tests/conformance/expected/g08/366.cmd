revision -m "next step" --head c24f3bf36a14

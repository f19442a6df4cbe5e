history -r :ab

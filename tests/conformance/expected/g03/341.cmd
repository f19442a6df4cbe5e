history -r :5636e779c470-2

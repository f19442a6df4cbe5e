history -r 6018:

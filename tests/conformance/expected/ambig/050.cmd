history -r b9:+1

history -r b9:+2

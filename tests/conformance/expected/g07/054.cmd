history -r b:+2

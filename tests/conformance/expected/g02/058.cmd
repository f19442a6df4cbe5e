history -r e252e44c5055:+1

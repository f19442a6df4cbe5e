history -r 0edca92d04a3:+2

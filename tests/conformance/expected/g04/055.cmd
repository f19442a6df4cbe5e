history -r 738d6e58d5ca:+2

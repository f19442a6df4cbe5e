history -r 28ce10645d51:+2

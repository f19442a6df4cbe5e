history -r 31163bfd1d33+1:

history -r 0af497524d6a:+1

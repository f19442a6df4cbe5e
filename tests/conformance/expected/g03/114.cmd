show 0af497524d6a

show c6a577330bdb

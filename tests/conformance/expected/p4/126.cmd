show core@a1000001

show core@n1000001

show fd72ccea71ff

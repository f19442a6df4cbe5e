show a

merge -m "join" b8a11a6916c7 14c10b11ad28

merge -m "join" b8a11a6916c7 42a0ce80c4b0

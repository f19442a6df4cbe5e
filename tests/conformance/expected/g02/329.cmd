merge -m "join" nosuch e892e8168561

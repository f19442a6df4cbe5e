merge -m "join" d95bf2a4d27b e892e8168561

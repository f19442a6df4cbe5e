stamp --sql head:e892e8168561

stamp --sql e892e8168561:base

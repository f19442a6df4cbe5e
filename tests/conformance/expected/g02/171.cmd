downgrade e892e8168561:base --sql

downgrade e892e8168561:-1 --sql

downgrade e892e8168561:ext@base --sql

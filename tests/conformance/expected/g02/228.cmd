upgrade heads:e892e8168561 --sql

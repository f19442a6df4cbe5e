downgrade head:e892e8168561 --sql

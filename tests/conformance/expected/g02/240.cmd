downgrade e892e8168561:nosuch --sql

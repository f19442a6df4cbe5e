downgrade e892e8168561:6a27cbf87544 --sql

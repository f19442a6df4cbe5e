upgrade 6a27cbf87544:e892e8168561-1 --sql

history -r :e892e8168561-2

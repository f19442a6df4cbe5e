show e892e8168561@head

show ext@e892e8168561

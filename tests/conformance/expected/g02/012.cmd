history -r e892e8168561:d95bf2a4d27b

show fec32e8d4b8a

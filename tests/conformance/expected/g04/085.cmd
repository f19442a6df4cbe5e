history -r :gamma@heads

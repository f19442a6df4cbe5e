history -r :delta@heads

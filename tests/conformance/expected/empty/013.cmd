history -r :heads

history -r :alpha@heads

history -r :billing@heads

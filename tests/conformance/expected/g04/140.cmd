show gamma@heads

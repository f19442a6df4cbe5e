heads

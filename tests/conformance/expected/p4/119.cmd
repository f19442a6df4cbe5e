show zz@heads

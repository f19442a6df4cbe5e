show ext@heads

show delta@heads

show billing@heads

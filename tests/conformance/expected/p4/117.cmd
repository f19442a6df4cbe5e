show core@heads

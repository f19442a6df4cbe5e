history -r :core@heads

history -r :zz@heads

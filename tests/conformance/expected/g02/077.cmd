history -r :ext@heads

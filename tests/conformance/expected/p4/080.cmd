history -r :netlib@heads

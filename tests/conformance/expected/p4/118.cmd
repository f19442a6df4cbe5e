show netlib@heads

history -r :abcdlabel@heads

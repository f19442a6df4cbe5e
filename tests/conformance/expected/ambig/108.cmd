show abcdlabel@heads

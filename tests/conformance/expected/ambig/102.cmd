show abcd2

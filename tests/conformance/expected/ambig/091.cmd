show abcd2222

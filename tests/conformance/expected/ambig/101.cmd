show abcd1

show abcd

show abcd3

show abcd3333

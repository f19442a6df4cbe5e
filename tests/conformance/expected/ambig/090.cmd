show abcd1111

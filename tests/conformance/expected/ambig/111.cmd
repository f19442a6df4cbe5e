show abcdlabel@abcd1111

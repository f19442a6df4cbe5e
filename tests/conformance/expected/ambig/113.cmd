show abcdlabel@ab

show abcdlabel@b9b9b9b9

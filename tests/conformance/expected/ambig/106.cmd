show abcdlabel

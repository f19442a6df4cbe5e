show abcdlabel@f00dcafe0001

show abcdlabel@base
